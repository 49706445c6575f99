/**
 * The number of values ≤ x in an ascending list (binary search: the item signals read one board's
 * history for each of its items, so a linear count would cost history × items per request).
 */
export function countAtMost(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Pace of an in-progress item: the share of the history's cycle times (ascending) that are ≤ its age. */
export function paceOf(history: readonly number[], ageDays: number): number | null {
  if (history.length === 0) return null;
  return countAtMost(history, ageDays) / history.length;
}

/**
 * P(on time) of a not-done item with a due date (metrics.md "Due-date risk"): H the cycle-time
 * history (ascending), `ageDays` null when not started, `daysLeft` = due − now.
 * Started: #{a < h ≤ a + r} / #{h > a}; not started: #{h ≤ r} / |H|. 0 when past due or when
 * every h ≤ a; null only when H is empty.
 */
export function pOnTime(history: readonly number[], ageDays: number | null, daysLeft: number): number | null {
  if (history.length === 0) return null;
  if (daysLeft < 0) return 0;
  if (ageDays === null) return countAtMost(history, daysLeft) / history.length;
  const upToAge = countAtMost(history, ageDays);
  const older = history.length - upToAge;
  if (older === 0) return 0;
  return (countAtMost(history, ageDays + daysLeft) - upToAge) / older;
}
