import { ForecastImpossibleError, forecastHowMany, forecastWhen, type HowManyInput, type WhenInput } from '@flowlens/metrics';

/** What a task answers; an impossible forecast travels as data, since errors lose their class between threads. */
export type WorkerAnswer<R> = { readonly result: R } | { readonly impossible: string };

// Runs in a piscina worker thread: each export is one task, named in `pool.run(input, { name })`.
export function howMany(input: HowManyInput): WorkerAnswer<ReturnType<typeof forecastHowMany>> {
  return answer(() => forecastHowMany(input));
}

export function when(input: WhenInput): WorkerAnswer<ReturnType<typeof forecastWhen>> {
  return answer(() => forecastWhen(input));
}

function answer<R>(compute: () => R): WorkerAnswer<R> {
  try {
    return { result: compute() };
  } catch (error) {
    if (error instanceof ForecastImpossibleError) return { impossible: error.message };
    throw error;
  }
}
