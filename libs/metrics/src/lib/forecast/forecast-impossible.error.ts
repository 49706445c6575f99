/** The history cannot support a forecast (no days, or no throughput at all): the API answers 422. */
export class ForecastImpossibleError extends Error {
  readonly code = 'FORECAST_IMPOSSIBLE';

  constructor(message: string) {
    super(message);
    this.name = 'ForecastImpossibleError';
  }
}
