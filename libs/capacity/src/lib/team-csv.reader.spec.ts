import { readTeamsCsv } from './team-csv.reader';

const HEADER = 'team,boards,working_days,holidays,focus_factor,cost_per_fte_day,currency,target_mix,member,account_id,fte,from,to,absent_from,absent_to,absent_fraction';

describe('teams CSV', () => {
  it('groups member and absence rows into teams, team fields on any row', () => {
    const csv = [
      HEADER,
      'Payments,PAY;LEDGER,1;2;3;4,2024-12-25;2024-12-26,0.8,600,EUR,feature=0.7;defect=0.3,Priya,acc-1,1,,,,,',
      'Payments,,,,,,,,Marco,,0.5,2024-03-01,,2024-04-02,2024-04-05,0.5',
      'Web,WEB,,,,,,,Chloé,,1,,,,,',
    ].join('\n');
    const { teams, errors } = readTeamsCsv(csv);
    expect(errors).toEqual([]);
    expect(teams.map((t) => t.name)).toEqual(['Payments', 'Web']);
    expect(teams[0]?.team).toMatchObject({
      boardIds: ['PAY', 'LEDGER'],
      workingDays: [1, 2, 3, 4],
      holidays: ['2024-12-25', '2024-12-26'],
      focusFactor: 0.8,
      costPerFteDay: 600,
      currency: 'EUR',
      targetMix: { feature: 0.7, defect: 0.3, risk: 0, debt: 0, other: 0 },
      members: [{ name: 'Priya', accountId: 'acc-1', fte: 1 }, { name: 'Marco', fte: 0.5, from: '2024-03-01' }],
      absences: [{ member: 'Marco', from: '2024-04-02', to: '2024-04-05', fraction: 0.5 }],
    });
    expect(teams[1]?.team).toMatchObject({ workingDays: [1, 2, 3, 4, 5], focusFactor: 1, costPerFteDay: null });
  });

  it('says what is wrong, one line per bad row, with its row number', () => {
    const csv = [
      HEADER,
      'Payments,PAY,,,,,,,Priya,,1.5,,,,,',
      'Payments,OTHER,,,,,,,Marco,,0.5,,,,,',
      ',PAY,,,,,,,Nobody,,1,,,,,',
      'Web,,,,,,,,Chloé,,1,2024-05-01,2024-04-01,,,',
      'Web,,,,,,,feature=0.5,,,,,,,,',
    ].join('\n');
    expect(readTeamsCsv(csv).errors).toEqual([
      'row 2: members.fte: must be ≤ 1 (team Payments)',
      'row 3: boards OTHER differs from PAY on row 2 of team Payments',
      'row 4: team is empty',
      'row 5: boards: a team owns at least one board (team Web)',
      'row 5: members.from: from must not be after to (team Web)',
      'row 6: target_mix: the shares must sum to 1 (team Web)',
    ]);
  });

  it('refuses unknown columns and files that are not CSV', () => {
    expect(readTeamsCsv('team,colour\nA,red\n').errors[0]).toMatch(/^row 1: unknown column\(s\) colour/);
    expect(readTeamsCsv('team,boards\n"unclosed,PAY\n').errors[0]).toMatch(/not valid CSV/);
  });
});
