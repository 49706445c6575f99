/** What a release's or epic's forecast rested on at one instant. */
export interface ForecastSnapshot {
  /** The p85 date (local), null when there is no forecast. */
  readonly p85: string | null;
  /** Items of its scope not done. */
  readonly remaining: number;
  /** Mean weekly throughput of the boards holding its remaining items, over the forecast's history window. */
  readonly throughputPerWeek: number;
  /** Blocked in-progress items / in-progress items on those boards; null with none in progress. */
  readonly blockedShare: number | null;
}

export type ForecastReason = 'scope added' | 'throughput down' | 'more blocked time';

export interface ForecastChange {
  readonly p85Then: string;
  readonly p85Now: string;
  /** Days the p85 date moved (positive: later). */
  readonly days: number;
  readonly reason: ForecastReason | null;
}

const log = (ratio: number) => (ratio === Infinity ? Infinity : Math.log(ratio));

/**
 * How much each driver alone pushes the date out, as a log ratio (the forecast duration grows with
 * remaining / throughput, and with 1 / (1 − blocked share)); positive means later.
 */
export function contributions(then: ForecastSnapshot, now: ForecastSnapshot): Record<ForecastReason, number> {
  const scope = now.remaining <= then.remaining ? 0 : then.remaining === 0 ? Infinity : log(now.remaining / then.remaining);
  const throughput = now.throughputPerWeek >= then.throughputPerWeek ? 0 : now.throughputPerWeek === 0 ? Infinity : log(then.throughputPerWeek / now.throughputPerWeek);
  const [bThen, bNow] = [then.blockedShare ?? 0, now.blockedShare ?? 0];
  const blocked = bNow <= bThen ? 0 : bNow >= 1 ? Infinity : log((1 - bThen) / (1 - bNow));
  return { 'scope added': scope, 'throughput down': throughput, 'more blocked time': blocked };
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * The change of a p85 date over the week, or null when it did not move (or either forecast is
 * missing). A later date names the driver that alone pushes it out the most (ties: scope, then
 * throughput, then blocked time); no reason when the date moved earlier or no driver got worse.
 */
export function forecastChange(then: ForecastSnapshot, now: ForecastSnapshot): ForecastChange | null {
  if (then.p85 === null || now.p85 === null || then.p85 === now.p85) return null;
  const days = daysBetween(then.p85, now.p85);
  let reason: ForecastReason | null = null;
  if (days > 0) {
    let best = 0;
    for (const [name, value] of Object.entries(contributions(then, now)) as Array<[ForecastReason, number]>) {
      if (value > best) [reason, best] = [name, value];
    }
  }
  return { p85Then: then.p85, p85Now: now.p85, days, reason };
}
