import { portfolioSchema, teamSchema } from './organisation.schema';

const base = { name: 'Platform', boardIds: ['KAN'], members: [{ name: 'Ada', fte: 1 }, { name: 'Bo', accountId: 'acc-bo', fte: 0.5, from: '2024-03-01' }] };
const issues = (value: unknown) => {
  const r = teamSchema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('team schema', () => {
  it('fills the defaults', () => {
    expect(teamSchema.parse(base)).toMatchObject({ workingDays: [1, 2, 3, 4, 5], holidays: [], absences: [], focusFactor: 1, costPerFteDay: null, currency: null, targetMix: null });
  });

  it('refuses FTE and fractions out of (0, 1], and reversed dates', () => {
    expect(issues({ ...base, members: [{ name: 'X', fte: 0 }] })).toEqual(['members.0.fte: must be > 0']);
    expect(issues({ ...base, members: [{ name: 'X', fte: 1.5, from: '2024-02-02', to: '2024-02-01' }] })).toHaveLength(2);
    expect(issues({ ...base, absences: [{ member: 'Ada', from: '2024-01-02', to: '2024-01-03', fraction: 0 }] })).toEqual(['absences.0.fraction: must be > 0']);
  });

  it('needs an absence to name exactly one member, by accountId or name', () => {
    expect(issues({ ...base, absences: [{ member: 'acc-bo', from: '2024-01-02', to: '2024-01-03' }] })).toEqual([]);
    expect(issues({ ...base, absences: [{ member: 'Cy', from: '2024-01-02', to: '2024-01-03' }] })[0]).toMatch(/matches 0 members/);
    const twins = { ...base, members: [{ name: 'Ada', fte: 1 }, { name: 'Ada', fte: 1 }], absences: [{ member: 'Ada', from: '2024-01-02', to: '2024-01-02' }] };
    expect(issues(twins)[0]).toMatch(/matches 2 members/);
  });

  it('needs a target mix summing to 1 (missing keys are 0) and a currency beside a cost', () => {
    expect(teamSchema.parse({ ...base, targetMix: { feature: 0.7, defect: 0.3 } }).targetMix).toEqual({ feature: 0.7, defect: 0.3, risk: 0, debt: 0, other: 0 });
    expect(issues({ ...base, targetMix: { feature: 0.7 } })).toEqual(['targetMix: the shares must sum to 1']);
    expect(issues({ ...base, costPerFteDay: 500 })).toEqual(['currency: a cost per FTE-day needs its currency']);
    expect(issues({ ...base, workingDays: [1, 1, 8] })).toHaveLength(2);
    expect(issues({ ...base, boardIds: [] })).toEqual(['boardIds: a team owns at least one board']);
  });
});

describe('portfolio schema', () => {
  it('takes teams, boards and owner e-mails', () => {
    expect(portfolioSchema.parse({ name: 'P', boardIds: ['OPS'] })).toEqual({ name: 'P', teamIds: [], boardIds: ['OPS'], owners: [] });
    expect(portfolioSchema.safeParse({ name: 'P', boardIds: ['OPS'], owners: ['not-mail'] }).success).toBe(false);
    expect(portfolioSchema.safeParse({ name: 'P' }).success).toBe(false);
  });
});
