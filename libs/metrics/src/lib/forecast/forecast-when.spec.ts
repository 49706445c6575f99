import fc from 'fast-check';
import { forecastDates } from './forecast-dates';
import { ForecastImpossibleError } from './forecast-impossible.error';
import { forecastWhen, wholeDayPercentile } from './forecast-when';

describe('forecastWhen', () => {
  it('is exact for a constant history', () => {
    // 2 items a day, 9 items: 5 days (2+2+2+2 = 8 < 9, then 10)
    expect(forecastWhen({ history: [2], items: 9, seed: 1 })).toEqual({ p50: 5, p85: 5, p95: 5, trials: 10_000, capped: 0, outcomes: [{ value: 5, trials: 10_000 }] });
  });

  it('follows the distribution of a two-value history', () => {
    // history [1, 2], 3 items: first draw 2 -> 2 days; (1, 1) -> 3 days; (1, 2) -> 2 days.
    // P(2 days) = 3/4, P(3 days) = 1/4: median 2, the 85th and 95th percentiles 3.
    expect(forecastWhen({ history: [1, 2], items: 3, seed: 99 })).toMatchObject({ p50: 2, p85: 3, p95: 3 });
  });

  it('rounds an interpolated percentile up to the next whole day', () => {
    // [2, 3]: median rank 0.5 -> 2.5 -> 3 days; [4, 4, 5]: p50 = 4 stays 4
    expect(wholeDayPercentile([2, 3], 50)).toBe(3);
    expect(wholeDayPercentile([4, 4, 5], 50)).toBe(4);
    // [1, 2, 3, 4, 5] p85: rank 3.4 -> 4.4 -> 5
    expect(wholeDayPercentile([1, 2, 3, 4, 5], 85)).toBe(5);
  });

  it('needs no day for no items', () => {
    expect(forecastWhen({ history: [0, 1], items: 0, seed: 5 })).toMatchObject({ p50: 0, p85: 0, p95: 0 });
  });

  it('throws ForecastImpossibleError when the history has no throughput', () => {
    expect(() => forecastWhen({ history: [0, 0, 0], items: 4, seed: 1 })).toThrow(ForecastImpossibleError);
    expect(() => forecastWhen({ history: [], items: 4, seed: 1 })).toThrow(ForecastImpossibleError);
    const caught = (() => {
      try {
        forecastWhen({ history: [0], items: 1, seed: 1 });
        return null;
      } catch (error) {
        return error;
      }
    })();
    expect(caught).toBeInstanceOf(ForecastImpossibleError);
    expect((caught as ForecastImpossibleError).code).toBe('FORECAST_IMPOSSIBLE');
  });

  it('caps trials at maxDays and reports them', () => {
    // 1 item on 1 day in 100, 5 items needed, at most 30 days: almost every trial is capped
    const history = [1, ...new Array<number>(99).fill(0)];
    const forecast = forecastWhen({ history, items: 5, seed: 11, maxDays: 30, trials: 1000 });
    expect(forecast.capped).toBeGreaterThan(990);
    expect(forecast.p50).toBe(30);
    expect(forecast.p95).toBe(30);
  });

  it('is reproducible and orders p50 <= p85 <= p95', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 90 }).filter((h) => h.some((d) => d > 0)),
        fc.integer({ min: 1, max: 200 }),
        fc.integer(),
        (history, items, seed) => {
          const input = { history, items, trials: 300, seed };
          const forecast = forecastWhen(input);
          expect(forecastWhen(input)).toEqual(forecast);
          return forecast.p50 <= forecast.p85 && forecast.p85 <= forecast.p95;
        },
      ),
      { numRuns: 60 },
    );
  });

  it('turns durations into dates after asOf', () => {
    expect(forecastDates('2024-12-30', { p50: 2, p85: 3, p95: 10 })).toEqual({
      p50: '2025-01-01',
      p85: '2025-01-02',
      p95: '2025-01-09',
    });
  });
});
