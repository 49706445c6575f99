import { buildTimelines } from './build-timelines';
import { BERLIN_NOW, BERLIN_QUERY, berlinFortnight } from './fixtures/berlin-fortnight.fixture';
import { computeLittlesLaw } from './littles-law.oracle';

describe('computeLittlesLaw (Berlin fortnight)', () => {
  it('compares WIP / throughput with the actual mean cycle time', () => {
    const result = computeLittlesLaw(buildTimelines(berlinFortnight(), { now: BERLIN_NOW }), BERLIN_QUERY);
    // daily WIP (see the WIP spec) 1+2+2+1+3+3+3+4+3+2+2+2+2+1 = 31 over 14 days
    const averageWip = 31 / 14;
    // 7 items done over 14 days
    const averageThroughput = 0.5;
    // cycle times 2.25 + 0 + 0 + 2.5208333 + 7 + 7.25 + 6.4999999884 over 7
    const kan10 = 6 + (43_200_000 - 1) / 86_400_000;
    const averageCycleTime = (2.25 + (2 + 12.5 / 24) + 7 + 7.25 + kan10) / 7;
    expect(result.days).toBe(14);
    expect(result.averageWip).toBeCloseTo(averageWip, 12);
    expect(result.averageThroughput).toBe(averageThroughput);
    expect(result.averageCycleTime).toBeCloseTo(averageCycleTime, 10);
    expect(result.predictedCycleTime).toBeCloseTo(averageWip / averageThroughput, 12); // 4.4285714
    expect(result.ratio).toBeCloseTo(averageWip / averageThroughput / averageCycleTime, 10); // ~1.2147
  });

  it('gives nulls when nothing was done', () => {
    const result = computeLittlesLaw(buildTimelines(berlinFortnight(), { now: BERLIN_NOW }), {
      ...BERLIN_QUERY,
      from: '2024-04-04',
      to: '2024-04-06',
    });
    // WIP on 4, 5, 6 April is 2 each (KAN-10, KAN-11)
    expect(result).toEqual({
      days: 3,
      averageWip: 2,
      averageThroughput: 0,
      averageCycleTime: null,
      predictedCycleTime: null,
      ratio: null,
    });
  });
});
