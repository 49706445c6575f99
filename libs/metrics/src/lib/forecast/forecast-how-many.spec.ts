import fc from 'fast-check';
import { ForecastImpossibleError } from './forecast-impossible.error';
import { forecastHowMany, reachedIn } from './forecast-how-many';

describe('forecastHowMany', () => {
  it('is exact for a constant history', () => {
    // every day finishes 3 items: 14 days -> 42 in every trial
    expect(forecastHowMany({ history: [3, 3, 3], days: 14, seed: 1 })).toEqual({ p50: 42, p85: 42, p95: 42, trials: 10_000, outcomes: [{ value: 42, trials: 10_000 }] });
  });

  it('follows the binomial distribution for a 0/1 history', () => {
    // history [0, 1], 10 days: outcomes ~ Binomial(10, 1/2) with P(X<=2) = 5.47%, P(X<=3) = 17.19%.
    // The 15th percentile is 3 and the 5th is 2; the median is 5.
    const forecast = forecastHowMany({ history: [0, 1], days: 10, seed: 42 });
    expect(forecast).toMatchObject({ p50: 5, p85: 3, p95: 2, trials: 10_000 });
  });

  it('is reproducible with a seed', () => {
    const input = { history: [0, 0, 1, 2, 5, 0, 3, 1], days: 30, trials: 2000, seed: 7 };
    expect(forecastHowMany(input)).toEqual(forecastHowMany(input));
  });

  it('forecasts nothing for zero days or an all-zero history', () => {
    expect(forecastHowMany({ history: [2, 4], days: 0, seed: 3 })).toMatchObject({ p50: 0, p85: 0, p95: 0 });
    expect(forecastHowMany({ history: [0, 0], days: 30, seed: 3 })).toMatchObject({ p50: 0, p85: 0, p95: 0 });
  });

  it('refuses an empty history and invalid arguments', () => {
    expect(() => forecastHowMany({ history: [], days: 5, seed: 1 })).toThrow(ForecastImpossibleError);
    expect(() => forecastHowMany({ history: [1, -1], days: 5, seed: 1 })).toThrow(RangeError);
    expect(() => forecastHowMany({ history: [1], days: 2.5, seed: 1 })).toThrow(RangeError);
    expect(() => forecastHowMany({ history: [1], days: 5, trials: 0, seed: 1 })).toThrow(RangeError);
  });

  it('orders p95 <= p85 <= p50 for any history', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 1, maxLength: 90 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer(),
        (history, days, seed) => {
          const { p50, p85, p95 } = forecastHowMany({ history, days, trials: 500, seed });
          return p95 <= p85 && p85 <= p50;
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('reachedIn', () => {
  it('takes o[floor(0.15 n)] for 85%', () => {
    // n = 20: floor(0.15 * 20) = 3 -> the fourth smallest
    const outcomes = Array.from({ length: 20 }, (_, i) => i * 10);
    expect(reachedIn(outcomes, 85)).toBe(30);
    expect(reachedIn(outcomes, 95)).toBe(10);
  });

  it('is reached or beaten by at least the share of outcomes, and no larger value is', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 400 }),
        fc.constantFrom(85, 95),
        (values, share) => {
          const sorted = [...values].sort((a, b) => a - b);
          const value = reachedIn(sorted, share);
          const atLeast = (v: number) => sorted.filter((outcome) => outcome >= v).length * 100;
          const enough = atLeast(value) >= share * sorted.length;
          const larger = sorted.filter((outcome) => outcome > value);
          const noneLarger = larger.every((v) => atLeast(v) < share * sorted.length);
          // values between outcomes are reached by no more trials than the next outcome
          return enough && noneLarger && atLeast(value + 0.5) < share * sorted.length;
        },
      ),
    );
  });
});
