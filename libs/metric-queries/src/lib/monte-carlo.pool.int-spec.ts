import { portfolioHowMany, portfolioWhen } from '@flowlens/capacity';
import { ForecastImpossibleError, forecastHowMany, forecastWhen } from '@flowlens/metrics';
import { MonteCarloPool, workerFile } from './monte-carlo.pool';

// Runs from TypeScript source under jest: the pool must find the worker scripts/build.mjs compiled.
describe('MonteCarloPool', () => {
  const pool = new MonteCarloPool();
  afterAll(() => pool.onModuleDestroy());

  it('uses the compiled worker in dist/ when running from source', () => {
    expect(workerFile()).toMatch(/dist\/libs\/metric-queries\/src\/lib\/monte-carlo\.worker\.js$/);
  });

  it('answers exactly what the in-process simulation answers, on a worker thread', async () => {
    const history = [0, 1, 3, 0, 2, 5, 1];
    expect(await pool.howMany({ history, days: 30, trials: 5000, seed: 9 })).toEqual(forecastHowMany({ history, days: 30, trials: 5000, seed: 9 }));
    expect(await pool.when({ history, items: 40, trials: 5000, seed: 9 })).toEqual(forecastWhen({ history, items: 40, trials: 5000, seed: 9 }));
  });

  it('gives an impossible forecast back as ForecastImpossibleError and bad input as an error', async () => {
    await expect(pool.when({ history: [0, 0], items: 3, seed: 1 })).rejects.toThrow(ForecastImpossibleError);
    await expect(pool.howMany({ history: [1], days: 3651, seed: 1 })).rejects.toThrow('days must be at most 3650');
  });

  it('runs a portfolio forecast on a worker thread with the seeded answer it gave on the event loop', async () => {
    const a = [0, 1, 3, 0, 2, 5, 1];
    const b = [2, 0, 0, 1, 0, 0, 4, 1];
    const howMany = await pool.portfolioHowMany({ teams: [{ id: 'a', history: a }, { id: 'b', history: b }], days: 30, trials: 3000, seed: 7 });
    expect(howMany).toEqual(portfolioHowMany([{ id: 'a', history: a }, { id: 'b', history: b }], 30, 3000, 7));
    // Recorded from the in-process run before the move: a seed keeps its answer.
    expect(howMany).toEqual({ p50: 81, p85: 70, p95: 63, trials: 3000 });
    const teams = [{ id: 'a', history: a, items: 25 }, { id: 'b', history: b, items: 15 }];
    const when = await pool.portfolioWhen({ teams, trials: 3000, seed: 7 });
    expect(when).toEqual(portfolioWhen(teams, 3000, 7));
    expect(when).toEqual({ p50: 18, p85: 22, p95: 26, trials: 3000, capped: 0 });
  });

  it('gives an impossible portfolio forecast back as ForecastImpossibleError', async () => {
    await expect(pool.portfolioWhen({ teams: [{ id: 'team Web', history: [0, 0], items: 2 }], trials: 10, seed: 1 })).rejects.toThrow(/team Web has 2 item/);
  });
});
