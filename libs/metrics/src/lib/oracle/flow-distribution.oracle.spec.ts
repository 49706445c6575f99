import { buildTimelines } from './build-timelines';
import { BERLIN_NOW, BERLIN_QUERY, berlinFortnight } from './fixtures/berlin-fortnight.fixture';
import { computeFlowDistribution } from './flow-distribution.oracle';

const timelines = () => buildTimelines(berlinFortnight(), { now: BERLIN_NOW });

describe('computeFlowDistribution (Berlin fortnight)', () => {
  it('shares the items done in the window by flow type', () => {
    // done: KAN-1 Story, KAN-2 Story, KAN-8 Story (feature 3); KAN-3 Bug (defect); KAN-5 Tech Debt (debt);
    // KAN-6 Security (risk); KAN-10 Spike (other) -> 7 items
    expect(computeFlowDistribution(timelines(), BERLIN_QUERY)).toEqual({
      total: 7,
      byType: { feature: 3 / 7, defect: 1 / 7, risk: 1 / 7, debt: 1 / 7, other: 1 / 7 },
      counts: { feature: 3, defect: 1, risk: 1, debt: 1, other: 1 },
    });
  });

  it('follows a configured issue-type map', () => {
    const result = computeFlowDistribution(timelines(), { ...BERLIN_QUERY, flowTypes: { spike: 'risk', story: 'debt' } });
    // Stories become debt (3 + Tech Debt 1 = 4), Spike risk (+ Security = 2), Bug defect 1
    expect(result.counts).toEqual({ feature: 0, defect: 1, risk: 2, debt: 4, other: 0 });
  });

  it('gives null shares when nothing was done', () => {
    const result = computeFlowDistribution(timelines(), { ...BERLIN_QUERY, from: '2024-04-04', to: '2024-04-06' });
    expect(result.total).toBe(0);
    expect(result.byType).toEqual({ feature: null, defect: null, risk: null, debt: null, other: null });
  });
});
