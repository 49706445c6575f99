import { forecastWhen } from './forecast-when';
import { forecastWhenAcross } from './forecast-when-across';

describe('forecastWhenAcross', () => {
  it('with one board it is the "when" forecast, and P(on time) counts trials ending by the deadline', () => {
    const history = [0, 1, 2, 0, 3, 1, 0];
    const one = forecastWhen({ history, items: 6, trials: 2000, seed: 7 });
    const across = forecastWhenAcross({ boards: [{ history, items: 6 }], trials: 2000, seed: 7, deadlineDays: one.p85 });
    expect([across.p50, across.p85, across.p95]).toEqual([one.p50, one.p85, one.p95]);
    expect(across.pOnTime).toBeGreaterThanOrEqual(0.85);
  });

  it('lasts as long as the slowest board and is reproducible with a seed', () => {
    const fast = { history: [5], items: 5 };
    const slow = { history: [1], items: 9 };
    const result = forecastWhenAcross({ boards: [fast, slow], trials: 50, seed: 3, deadlineDays: 8 });
    expect([result.p50, result.p85, result.p95, result.pOnTime]).toEqual([9, 9, 9, 0]);
    expect(forecastWhenAcross({ boards: [fast, slow], trials: 50, seed: 3, deadlineDays: 9 }).pOnTime).toBe(1);
    expect(forecastWhenAcross({ boards: [fast, slow], trials: 50, seed: 3, deadlineDays: null }).pOnTime).toBeNull();
  });

  it('refuses a board with remaining items and no throughput', () => {
    expect(() => forecastWhenAcross({ boards: [{ history: [0, 0], items: 1 }], seed: 1, deadlineDays: 3 })).toThrow(/no finished items/);
  });
});
