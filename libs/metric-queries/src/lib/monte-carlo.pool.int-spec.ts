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
});
