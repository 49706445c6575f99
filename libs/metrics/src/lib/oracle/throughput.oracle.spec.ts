import { buildTimelines } from './build-timelines';
import { BERLIN_NOW, BERLIN_QUERY, berlinFortnight } from './fixtures/berlin-fortnight.fixture';
import { computeThroughput } from './throughput.oracle';

const timelines = () => buildTimelines(berlinFortnight(), { now: BERLIN_NOW });

describe('computeThroughput (Berlin fortnight, see the fixture)', () => {
  it('counts items by the local day of doneAt, zero days included', () => {
    const result = computeThroughput(timelines(), BERLIN_QUERY, 'day');
    // KAN-1 27 Mar; KAN-2 only its final Done (2 Apr), not 28 Mar; KAN-3 30 Mar; KAN-5 31 Mar;
    // KAN-6 22:30Z on 31 Mar is 00:30 CEST on 1 Apr; KAN-8 restored, 3 Apr; KAN-10 last ms of 7 Apr.
    // Out: KAN-4 never done, KAN-7 deleted, KAN-9 last ms of 24 Mar, KAN-11 first ms of 8 Apr.
    expect(result.series).toEqual([
      { start: '2024-03-25', count: 0 },
      { start: '2024-03-26', count: 0 },
      { start: '2024-03-27', count: 1 },
      { start: '2024-03-28', count: 0 },
      { start: '2024-03-29', count: 0 },
      { start: '2024-03-30', count: 1 },
      { start: '2024-03-31', count: 1 },
      { start: '2024-04-01', count: 1 },
      { start: '2024-04-02', count: 1 },
      { start: '2024-04-03', count: 1 },
      { start: '2024-04-04', count: 0 },
      { start: '2024-04-05', count: 0 },
      { start: '2024-04-06', count: 0 },
      { start: '2024-04-07', count: 1 },
    ]);
    expect(result.total).toBe(7);
  });

  it('buckets weeks from Monday in local time, so the DST-shifted KAN-6 lands in week 2', () => {
    // week of 25 Mar: KAN-1, KAN-3, KAN-5 = 3; week of 1 Apr: KAN-6, KAN-2, KAN-8, KAN-10 = 4
    expect(computeThroughput(timelines(), BERLIN_QUERY, 'week')).toEqual({
      total: 7,
      series: [
        { start: '2024-03-25', count: 3 },
        { start: '2024-04-01', count: 4 },
      ],
    });
  });

  it('labels a partial first week by its Monday and counts only the window', () => {
    // window Sun 31 Mar .. Tue 2 Apr: week of 25 Mar holds only 31 Mar (KAN-5 = 1); week of 1 Apr: KAN-6, KAN-2
    expect(computeThroughput(timelines(), { ...BERLIN_QUERY, from: '2024-03-31', to: '2024-04-02' }, 'week')).toEqual({
      total: 3,
      series: [
        { start: '2024-03-25', count: 1 },
        { start: '2024-04-01', count: 2 },
      ],
    });
  });

  it('would put KAN-6 on 31 March in UTC', () => {
    const utc = computeThroughput(timelines(), { ...BERLIN_QUERY, timezone: 'UTC' }, 'day');
    // in UTC: KAN-9 (22:59Z 24 Mar) stays out, KAN-6 (22:30Z) and KAN-5 (21:30Z) are both 31 Mar,
    // KAN-11 (22:00Z 7 Apr) joins 7 Apr
    expect(utc.series.find((bucket) => bucket.start === '2024-03-31')?.count).toBe(2);
    expect(utc.series.find((bucket) => bucket.start === '2024-04-01')?.count).toBe(0);
    expect(utc.series.find((bucket) => bucket.start === '2024-04-07')?.count).toBe(2);
    expect(utc.total).toBe(8);
  });

  it('filters on the current type and team, case-insensitively', () => {
    // Stories done in the window: KAN-1, KAN-2, KAN-8
    expect(computeThroughput(timelines(), { ...BERLIN_QUERY, types: ['story'] }).total).toBe(3);
    expect(computeThroughput(timelines(), { ...BERLIN_QUERY, types: ['Bug', 'Security'] }).total).toBe(2);
    expect(computeThroughput(timelines(), { ...BERLIN_QUERY, teams: ['payments'] }).total).toBe(1);
    expect(computeThroughput(timelines(), { ...BERLIN_QUERY, boardIds: ['OPS'] }).total).toBe(0);
    expect(computeThroughput(timelines(), { ...BERLIN_QUERY, boardIds: ['KAN'] }).total).toBe(7);
  });
});
