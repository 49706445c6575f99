import { buildTimelines } from './build-timelines';
import { computeCycleTime, computeLeadTime } from './elapsed-time.oracle';
import { BERLIN_NOW, BERLIN_QUERY, berlinFortnight } from './fixtures/berlin-fortnight.fixture';

const H = 1 / 24;
const timelines = () => buildTimelines(berlinFortnight(), { now: BERLIN_NOW });
// KAN-10: 04-01T10:00Z -> 04-07T21:59:59.999Z = 6 days + 11h 59m 59.999s
const KAN10 = 6 + (43_200_000 - 1) / 86_400_000;

describe('computeCycleTime (Berlin fortnight)', () => {
  const result = computeCycleTime(timelines(), BERLIN_QUERY);

  it('measures doneAt - startedAt of the items done in the window, ordered by doneAt', () => {
    expect(result.items.map((item) => [item.itemKey, item.startedAt, item.doneAt])).toEqual([
      ['KAN-1', '2024-03-25T08:00:00.000Z', '2024-03-27T14:00:00.000Z'],
      ['KAN-3', '2024-03-30T22:30:00.000Z', '2024-03-30T22:30:00.000Z'],
      ['KAN-5', '2024-03-31T21:30:00.000Z', '2024-03-31T21:30:00.000Z'],
      ['KAN-6', '2024-03-29T10:00:00.000Z', '2024-03-31T22:30:00.000Z'],
      ['KAN-2', '2024-03-26T09:00:00.000Z', '2024-04-02T09:00:00.000Z'],
      ['KAN-8', '2024-03-27T10:00:00.000Z', '2024-04-03T16:00:00.000Z'],
      ['KAN-10', '2024-04-01T10:00:00.000Z', '2024-04-07T21:59:59.999Z'],
    ]);
    const days = result.items.map((item) => item.days);
    // KAN-1 2d 6h; KAN-3 backlog -> done: started when done, 0; KAN-5 created in done, 0;
    // KAN-6 2d 12h30m; KAN-2 reopened, from first start to last done: 7d; KAN-8 7d 6h
    const expected = [2 + 6 * H, 0, 0, 2 + 12.5 * H, 7, 7 + 6 * H, KAN10];
    days.forEach((value, i) => expect(value).toBeCloseTo(expected[i], 10));
  });

  it('summarises with exact percentiles', () => {
    // sorted: [0, 0, 2.25, 2.5208333, 6.4999999884, 7, 7.25], n = 7, rank = 6p
    expect(result.count).toBe(7);
    expect(result.p50).toBeCloseTo(2 + 12.5 * H, 10); // rank 3
    expect(result.p70).toBeCloseTo(KAN10 + 0.2 * (7 - KAN10), 10); // rank 4.2
    expect(result.p85).toBeCloseTo(7 + 0.1 * 0.25, 10); // rank 5.1 -> 7.025
    expect(result.p95).toBeCloseTo(7 + 0.7 * 0.25, 10); // rank 5.7 -> 7.175
    expect(result.mean).toBeCloseTo((2.25 + 0 + 0 + (2 + 12.5 * H) + 7 + 7.25 + KAN10) / 7, 10);
  });

  it('gives nulls and no items for an empty window', () => {
    const empty = computeCycleTime(timelines(), { ...BERLIN_QUERY, from: '2024-04-04', to: '2024-04-06' });
    expect(empty).toEqual({ count: 0, p50: null, p70: null, p85: null, p95: null, mean: null, items: [] });
  });
});

describe('computeLeadTime (Berlin fortnight)', () => {
  it('measures doneAt - createdAt', () => {
    const result = computeLeadTime(timelines(), BERLIN_QUERY);
    // KAN-1 7d 6h; KAN-3 4d 12h30m; KAN-5 0; KAN-6 2d 12h30m; KAN-2 8d; KAN-8 7d 6h; KAN-10 as cycle
    const expected = [7 + 6 * H, 4 + 12.5 * H, 0, 2 + 12.5 * H, 8, 7 + 6 * H, KAN10];
    result.items.forEach((item, i) => expect(item.days).toBeCloseTo(expected[i], 10));
    expect(result.items[0].createdAt).toBe('2024-03-20T08:00:00.000Z');
    // sorted [0, 2.52, 4.52, 6.49999, 7.25, 7.25, 8]: p50 rank 3; p70 rank 4.2 between 7.25s;
    // p85 rank 5.1 -> 7.25 + 0.1 * 0.75; p95 rank 5.7 -> 7.25 + 0.7 * 0.75
    expect(result.p50).toBeCloseTo(KAN10, 10);
    expect(result.p70).toBeCloseTo(7.25, 10);
    expect(result.p85).toBeCloseTo(7.325, 10);
    expect(result.p95).toBeCloseTo(7.775, 10);
  });
});
