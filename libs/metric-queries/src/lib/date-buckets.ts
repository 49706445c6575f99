import { localDateRange, weekStartOf } from '@flowlens/metrics';

export type Interval = 'day' | 'week';

/** Every local date from `from` to `to` inclusive. */
export const datesBetween = (from: string, to: string): string[] => localDateRange(from, to);

/** Bucket starts covering [from, to]: each date, or each Monday (the first may precede `from`). */
export function bucketStarts(from: string, to: string, interval: Interval): string[] {
  const dates = localDateRange(from, to);
  return interval === 'day' ? dates : [...new Set(dates.map(weekStartOf))];
}
