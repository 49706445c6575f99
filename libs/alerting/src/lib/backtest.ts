import type { Observation } from './alert-condition';
import type { AlertSubject } from './alert-notification';

export interface BacktestFiring {
  readonly subject: AlertSubject;
  /** Local date (YYYY-MM-DD) at whose end the condition started to hold. */
  readonly date: string;
  readonly value: number | null;
}

export interface BacktestResult {
  readonly firings: BacktestFiring[];
  readonly perWeek: number;
}

const key = (s: AlertSubject) => `${s.type}\u0000${s.id}`;

/**
 * The days a rule would have started firing (metrics.md "Back-test"): `days` are the evaluations at
 * the end of the day before `from`, then of every day of [from, to], in order. A start is a day whose
 * condition holds when it did not the day before, so a condition already holding the day before
 * `from` is no start on `from`. `forMinutes` and `repeatHours` play no part.
 * perWeek = firings × 7 / days in [from, to].
 */
export function backtest(days: ReadonlyArray<{ date: string; observations: readonly Observation[] }>): BacktestResult {
  const [before, ...window] = days;
  if (!before || window.length === 0) return { firings: [], perWeek: 0 };
  let holding = new Set(before.observations.filter((o) => o.holds).map((o) => key(o.subject)));
  const firings: BacktestFiring[] = [];
  for (const day of window) {
    const now = new Set<string>();
    for (const o of day.observations) {
      if (!o.holds) continue;
      now.add(key(o.subject));
      if (!holding.has(key(o.subject))) firings.push({ subject: o.subject, date: day.date, value: o.value });
    }
    holding = now;
  }
  return { firings, perWeek: (firings.length * 7) / window.length };
}
