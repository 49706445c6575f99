import { demoOrganisation } from './demo-organisation';

describe('demo organisation', () => {
  const now = Date.parse('2026-03-18T12:00:00Z');
  const { teams, portfolio } = demoOrganisation(now);

  it('has a team per demo board, each board owned once', () => {
    expect(teams.map((t) => t.boardIds[0])).toEqual(['PAY', 'WEB', 'OPS']);
  });

  it('splits people on two boards into half an FTE on each', () => {
    const fte = new Map<string, number>();
    for (const member of teams.flatMap((t) => t.members)) fte.set(member.accountId, (fte.get(member.accountId) ?? 0) + member.fte);
    for (const total of fte.values()) expect(total).toBeCloseTo(1);
    expect(teams.flatMap((t) => t.members).some((m) => m.fte === 0.5)).toBe(true);
  });

  it('places holidays and absences inside the last 90 days, and names an owner', () => {
    const cutoff = '2025-12-18';
    for (const team of teams) {
      expect(team.holidays.every((d) => d > cutoff && d < '2026-03-18')).toBe(true);
      expect(team.absences.every((a) => a.from > cutoff && a.to < '2026-03-18' && team.members.some((m) => m.accountId === a.member))).toBe(true);
      expect(Object.values(team.targetMix).reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    }
    expect(portfolio.owners[0]).toMatch(/@/);
  });
});
