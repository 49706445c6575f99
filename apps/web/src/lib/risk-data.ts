import type { DeliveryForecast, RiskItem, RiskLevel, RiskSignal } from './api-types';

/** The items carrying one signal, most urgent first (oldest, longest blocked, least likely on time). */
export function itemsWith(items: readonly RiskItem[], signal: RiskSignal): RiskItem[] {
  const list = items.filter((item) => item.signals.includes(signal));
  const key = (item: RiskItem) => (signal === 'blocked' ? (item.blockedDays ?? 0) : signal === 'due-date' ? 1 - (item.pOnTime ?? 0) : (item.ageDays ?? 0));
  return list.sort((a, b) => key(b) - key(a) || (a.itemKey < b.itemKey ? -1 : 1));
}

export const LEVEL_BADGE: Record<RiskLevel, string> = { low: 'badge badge-good', medium: 'badge badge-warn', high: 'badge badge-bad' };

/**
 * Points of a forecast's probability curve: the share of trials finished by each date, read off
 * its percentiles (p50, p85, p95), starting at 0 on the day before p50.
 */
export function forecastCurve(forecast: Pick<DeliveryForecast, 'p50' | 'p85' | 'p95'>): Array<[string, number]> {
  if (!forecast.p50 || !forecast.p85 || !forecast.p95) return [];
  const before = new Date(Date.parse(`${forecast.p50}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const points: Array<[string, number]> = [[before, 0], [forecast.p50, 0.5], [forecast.p85, 0.85], [forecast.p95, 0.95]];
  // Equal dates keep the larger share: by that day that many trials had finished.
  return points.filter(([date], i) => date !== points[i + 1]?.[0]);
}
