import { buildTimelines } from './build-timelines';
import { computeAging } from './aging.oracle';
import { BERLIN_NOW, BERLIN_QUERY, berlinFortnight } from './fixtures/berlin-fortnight.fixture';

describe('computeAging (Berlin fortnight)', () => {
  it('lists items in progress at the end of `to`, aged from startedAt, oldest first', () => {
    const result = computeAging(buildTimelines(berlinFortnight(), { now: BERLIN_NOW }), { ...BERLIN_QUERY, to: '2024-04-02' });
    // t = end of 2 April = 2024-04-02T22:00Z. KAN-8 started 03-27T10:00 -> 6d 12h;
    // KAN-10 and KAN-11 started 04-01T10:00 -> 1d 12h (tie broken by key). KAN-2 was done at 09:00Z.
    expect(result.asOf).toBe('2024-04-02T22:00:00.000Z');
    expect(result.items).toEqual([
      { itemKey: 'KAN-8', stage: 'In Progress', category: 'active', startedAt: '2024-03-27T10:00:00.000Z', ageDays: 6.5 },
      { itemKey: 'KAN-10', stage: 'In Progress', category: 'active', startedAt: '2024-04-01T10:00:00.000Z', ageDays: 1.5 },
      { itemKey: 'KAN-11', stage: 'In Progress', category: 'active', startedAt: '2024-04-01T10:00:00.000Z', ageDays: 1.5 },
    ]);
    // cycle times done 25 Mar .. 2 Apr: KAN-1 2.25, KAN-3 0, KAN-5 0, KAN-6 2.5208333, KAN-2 7
    // sorted [0, 0, 2.25, 2.5208333, 7], rank 4p: p50 2.25; p70 rank 2.8 -> 2.25 + 0.8 * 0.2708333;
    // p85 rank 3.4 -> 2.5208333 + 0.4 * 4.4791667; p95 rank 3.8 -> 2.5208333 + 0.8 * 4.4791667
    const k6 = 2 + 12.5 / 24;
    expect(result.percentiles.p50).toBeCloseTo(2.25, 10);
    expect(result.percentiles.p70).toBeCloseTo(2.25 + 0.8 * (k6 - 2.25), 10);
    expect(result.percentiles.p85).toBeCloseTo(k6 + 0.4 * (7 - k6), 10);
    expect(result.percentiles.p95).toBeCloseTo(k6 + 0.8 * (7 - k6), 10);
  });

  it('measures at the evaluation instant when it comes before the end of `to`', () => {
    // now = 2024-04-02T10:00Z: KAN-2 was done at 09:00Z; ages to 10:00Z are KAN-8 6d, KAN-10/11 1d
    const result = computeAging(buildTimelines(berlinFortnight(), { now: '2024-04-02T10:00:00.000Z' }), {
      ...BERLIN_QUERY,
      to: '2024-04-02',
    });
    expect(result.asOf).toBe('2024-04-02T10:00:00.000Z');
    expect(result.items.map((item) => [item.itemKey, item.ageDays])).toEqual([
      ['KAN-8', 6],
      ['KAN-10', 1],
      ['KAN-11', 1],
    ]);
  });

  it('holds only KAN-11 at the end of the fortnight (its Done is the first instant of 8 April)', () => {
    const result = computeAging(buildTimelines(berlinFortnight(), { now: BERLIN_NOW }), BERLIN_QUERY);
    // 04-01T10:00Z -> 04-07T22:00Z = 6d 12h
    expect(result.items).toEqual([
      { itemKey: 'KAN-11', stage: 'In Progress', category: 'active', startedAt: '2024-04-01T10:00:00.000Z', ageDays: 6.5 },
    ]);
  });
});
