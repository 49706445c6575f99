export type Interval = 'day' | 'week';

const DAY = 86_400_000;

/** Parses YYYY-MM-DD as a calendar date (UTC midnight is only a carrier; no zone involved). */
function parse(date: string): number {
  return Date.parse(`${date}T00:00:00.000Z`);
}

function format(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Every local date from `from` to `to` inclusive. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let ms = parse(from); ms <= parse(to); ms += DAY) out.push(format(ms));
  return out;
}

/** Monday of the week containing `date`. */
export function mondayOf(date: string): string {
  const ms = parse(date);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7;
  return format(ms - weekday * DAY);
}

/** Bucket starts covering [from, to]: each date, or each Monday (the first may precede `from`). */
export function bucketStarts(from: string, to: string, interval: Interval): string[] {
  if (interval === 'day') return datesBetween(from, to);
  const out: string[] = [];
  for (let ms = parse(mondayOf(from)); ms <= parse(to); ms += 7 * DAY) out.push(format(ms));
  return out;
}

export function addDays(date: string, days: number): string {
  return format(parse(date) + days * DAY);
}
