import fc from 'fast-check';
import { paceOf, pOnTime } from './on-time';

describe('P(on time) (metrics.md "Due-date risk")', () => {
  const H = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

  it('a started item: #{a < h <= a + r} / #{h > a}', () => {
    // a = 3, r = 4: h in (3, 7] = 4, 5, 6, 7 out of h > 3 = 4..10 (7 values).
    expect(pOnTime(H, 3, 4)).toBeCloseTo(4 / 7, 12);
  });

  it('an item not started: #{h <= r} / |H|, whatever its age would be', () => {
    expect(pOnTime(H, null, 4)).toBeCloseTo(4 / 10, 12);
    expect(pOnTime(H, null, 0.5)).toBe(0);
  });

  it('0 when past due, even with a history that would allow it', () => {
    expect(pOnTime(H, 1, -0.01)).toBe(0);
    expect(pOnTime(H, null, -1)).toBe(0);
  });

  it('0 when every h <= a (older than anything seen); null only when H is empty', () => {
    expect(pOnTime(H, 10, 5)).toBe(0);
    expect(pOnTime([], 1, 5)).toBeNull();
    expect(pOnTime([], null, 5)).toBeNull();
  });

  it('a boundary h = a + r is on time, h = a is not in the denominator', () => {
    expect(pOnTime([2, 5], 2, 3)).toBe(1);
    expect(pOnTime([2, 5, 6], 2, 3)).toBe(0.5);
  });

  it('pace: the share of cycle times <= the age (an age equal to one counts it)', () => {
    expect(paceOf(H, 5)).toBe(0.5);
    expect(paceOf(H, 0)).toBe(0);
    expect(paceOf([], 3)).toBeNull();
  });
});

describe('P(on time) and pace by binary search', () => {
  it('agree with the counting definitions on random ascending histories', () => {
    const half = (max: number) => fc.integer({ min: 0, max: max * 2 }).map((n) => n / 2);
    fc.assert(
      fc.property(fc.array(half(20), { maxLength: 30 }), fc.option(half(22)), fc.integer({ min: -4, max: 44 }).map((n) => n / 2), half(22), (unsorted, a, r, age) => {
        const H = [...unsorted].sort((x, y) => x - y);
        const older = a === null ? H : H.filter((h) => h > a);
        const counted = H.length === 0 ? null : r < 0 ? 0 : a === null ? H.filter((h) => h <= r).length / H.length : older.length === 0 ? 0 : older.filter((h) => h <= a + r).length / older.length;
        expect(pOnTime(H, a, r)).toBe(counted);
        expect(paceOf(H, age)).toBe(H.length === 0 ? null : H.filter((h) => h <= age).length / H.length);
      }),
      { numRuns: 500 },
    );
  });
});
