import { ForecastImpossibleError, forecastHowMany, forecastWhen } from '@flowlens/metrics';
import { portfolioHowMany, portfolioWhen, splitByShare } from './portfolio-forecast';

describe('portfolio Monte Carlo', () => {
  it('sums the teams: constant histories 2/day and 3/day give exactly 5/day', () => {
    const r = portfolioHowMany([{ id: 'a', history: [2, 2] }, { id: 'b', history: [3] }], 10, 200, 7);
    expect(r).toEqual({ p50: 50, p85: 50, p95: 50, trials: 200 });
  });

  it('with one team equals that team spread over the trials (the same simulation, trial by trial)', () => {
    const one = portfolioHowMany([{ id: 'a', history: [0, 1, 3, 0, 2] }], 20, 2000, 11);
    const direct = forecastHowMany({ history: [0, 1, 3, 0, 2], days: 20, trials: 2000, seed: 11 });
    // Different random streams, same distribution: the percentiles agree closely.
    expect(Math.abs(one.p50 - direct.p50)).toBeLessThanOrEqual(2);
    expect(Math.abs(one.p85 - direct.p85)).toBeLessThanOrEqual(2);
  });

  it('is reproducible with a seed', () => {
    const teams = [{ id: 'a', history: [0, 1, 4] }, { id: 'b', history: [2, 0] }];
    expect(portfolioHowMany(teams, 14, 500, 3)).toEqual(portfolioHowMany(teams, 14, 500, 3));
  });

  it('finishes when the slowest team does: 10 items at 1/day and 6 at 3/day take 10 days', () => {
    expect(portfolioWhen([{ id: 'a', history: [1], items: 10 }, { id: 'b', history: [3], items: 6 }], 100, 1)).toEqual({ p50: 10, p85: 10, p95: 10, trials: 100, capped: 0 });
  });

  it('ignores teams with nothing to do, and refuses a team that must finish items it never finishes', () => {
    expect(portfolioWhen([{ id: 'a', history: [2], items: 4 }, { id: 'idle', history: [0], items: 0 }], 10, 1).p95).toBe(2);
    expect(() => portfolioWhen([{ id: 'idle', history: [0, 0], items: 1 }], 10, 1)).toThrow(ForecastImpossibleError);
  });

  it('is never sooner than any one team alone (at the median)', () => {
    const a = { id: 'a', history: [0, 1, 2], items: 15 };
    const both = portfolioWhen([a, { id: 'b', history: [0, 3], items: 15 }], 2000, 5);
    expect(both.p50).toBeGreaterThanOrEqual(forecastWhen({ history: a.history, items: 15, trials: 2000, seed: 5 }).p50 - 1);
  });
});

describe('splitByShare', () => {
  it('splits by weight with whole parts summing to n (largest remainder)', () => {
    expect(splitByShare(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(splitByShare(7, [6, 2, 0])).toEqual([5, 2, 0]);
    expect(splitByShare(5, [0, 0])).toEqual([3, 2]);
    expect(splitByShare(3, [])).toEqual([]);
  });
});
