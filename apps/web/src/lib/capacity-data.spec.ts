import { allocationRows, bodyOf, draftOf, emptyDraft } from './capacity-data';
import type { Team } from './capacity-types';

const team: Team = {
  id: 't1',
  name: 'Payments',
  boardIds: ['PAY', 'LEDGER'],
  members: [{ name: 'Priya', accountId: 'acc-1', fte: 1, from: null, to: null }, { name: 'Marco', accountId: null, fte: 0.5, from: '2024-03-01', to: null }],
  workingDays: [1, 2, 3, 4, 5],
  holidays: ['2024-12-25'],
  absences: [{ member: 'acc-1', from: '2024-04-01', to: '2024-04-03', fraction: 1 }],
  focusFactor: 0.8,
  costPerFteDay: 600,
  currency: 'EUR',
  targetMix: { feature: 0.7, defect: 0.3, risk: 0, debt: 0, other: 0 },
};

describe('team drafts', () => {
  it('round-trip a team through the form into the body the API takes', () => {
    expect(bodyOf(draftOf(team))).toEqual({
      name: 'Payments',
      boardIds: ['PAY', 'LEDGER'],
      workingDays: [1, 2, 3, 4, 5],
      holidays: ['2024-12-25'],
      focusFactor: 0.8,
      costPerFteDay: 600,
      currency: 'EUR',
      targetMix: { feature: 0.7, defect: 0.3, risk: 0, debt: 0, other: 0 },
      members: [{ name: 'Priya', accountId: 'acc-1', fte: 1, from: null, to: null }, { name: 'Marco', accountId: null, fte: 0.5, from: '2024-03-01', to: null }],
      absences: [{ member: 'acc-1', from: '2024-04-01', to: '2024-04-03', fraction: 1 }],
    });
  });

  it('leaves blank optional fields out', () => {
    expect(bodyOf({ ...emptyDraft(), name: ' Web ', boards: 'WEB' })).toMatchObject({ name: 'Web', boardIds: ['WEB'], costPerFteDay: null, currency: null, targetMix: null, focusFactor: 1 });
  });
});

describe('allocation rows', () => {
  it('gives every flow type, the target beside the actual share', () => {
    const rows = allocationRows({ activeDays: 4, activeDaysByType: { feature: 3, defect: 1, risk: 0, debt: 0, other: 0 }, byType: { feature: 0.75, defect: 0.25, risk: 0, debt: 0, other: 0 }, target: team.targetMix, gap: { feature: 0.05, defect: -0.05, risk: 0, debt: 0, other: 0 } });
    expect(rows[0]).toEqual({ type: 'feature', actual: 0.75, target: 0.7, gap: 0.05 });
    expect(rows).toHaveLength(5);
  });
});
