import { addLocalDays } from '../time/local-day.util';
import type { WhenForecast } from './forecast-when';

export interface WhenDates {
  readonly p50: string;
  readonly p85: string;
  readonly p95: string;
}

/** Turns "when" durations into local dates: day 1 is the day after `asOf`. */
export function forecastDates(asOf: string, forecast: Pick<WhenForecast, 'p50' | 'p85' | 'p95'>): WhenDates {
  return {
    p50: addLocalDays(asOf, forecast.p50),
    p85: addLocalDays(asOf, forecast.p85),
    p95: addLocalDays(asOf, forecast.p95),
  };
}
