/** Pace of an in-progress item: the share of the history's cycle times that are ≤ its age. */
export function paceOf(history: readonly number[], ageDays: number): number | null {
  if (history.length === 0) return null;
  return history.filter((h) => h <= ageDays).length / history.length;
}

/**
 * P(on time) of a not-done item with a due date (metrics.md "Due-date risk"): H the cycle-time
 * history, `ageDays` null when not started, `daysLeft` = due − now.
 * Started: #{a < h ≤ a + r} / #{h > a}; not started: #{h ≤ r} / |H|. 0 when past due or when
 * every h ≤ a; null only when H is empty.
 */
export function pOnTime(history: readonly number[], ageDays: number | null, daysLeft: number): number | null {
  if (history.length === 0) return null;
  if (daysLeft < 0) return 0;
  if (ageDays === null) return history.filter((h) => h <= daysLeft).length / history.length;
  const older = history.filter((h) => h > ageDays);
  if (older.length === 0) return 0;
  return older.filter((h) => h <= ageDays + daysLeft).length / older.length;
}
