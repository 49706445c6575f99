import { DateTime, IANAZone } from 'luxon';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

// Validating a zone builds an Intl formatter, which is slow; remember the ones seen.
const validZones = new Set<string>();

/** Throws a RangeError unless `zone` is a valid IANA time zone name (e.g. `Europe/Berlin`, `UTC`). */
export function assertTimeZone(zone: string): void {
  if (validZones.has(zone)) return;
  if (!IANAZone.isValidZone(zone)) throw new RangeError(`not a valid IANA time zone: ${zone}`);
  validZones.add(zone);
}

function calendarDate(date: string): DateTime {
  const parsed = LOCAL_DATE.test(date) ? DateTime.fromISO(date, { zone: 'utc' }) : DateTime.invalid('format');
  if (!parsed.isValid) throw new RangeError(`not a valid local date YYYY-MM-DD: ${date}`);
  return parsed;
}

/** The local calendar date (`YYYY-MM-DD`) of an instant in an IANA zone. */
export function localDateOf(ms: number, zone: string): string {
  assertTimeZone(zone);
  return DateTime.fromMillis(ms, { zone }).toISODate() as string;
}

/**
 * The instant a local day begins. Where a DST jump skips midnight, the day begins at the first
 * instant that exists on that date.
 */
export function startOfLocalDay(date: string, zone: string): number {
  assertTimeZone(zone);
  const { year, month, day } = calendarDate(date);
  return DateTime.fromObject({ year, month, day }, { zone }).startOf('day').toMillis();
}

/** The exclusive end of a local day: the instant the next local day begins (23h/24h/25h later). */
export function endOfLocalDay(date: string, zone: string): number {
  return startOfLocalDay(addLocalDays(date, 1), zone);
}

/** Calendar arithmetic on local dates; independent of any zone. */
export function addLocalDays(date: string, days: number): string {
  return calendarDate(date).plus({ days }).toISODate() as string;
}

/** Every local date from `from` to `to`, both inclusive; throws when `from` is after `to`. */
export function localDateRange(from: string, to: string): string[] {
  assertDateOrder(from, to);
  const dates: string[] = [];
  for (let date = from; date <= to; date = addLocalDays(date, 1)) dates.push(date);
  return dates;
}

/** The Monday that starts the week containing `date` (ISO weeks). */
export function weekStartOf(date: string): string {
  const parsed = calendarDate(date);
  return parsed.minus({ days: parsed.weekday - 1 }).toISODate() as string;
}

export function assertDateOrder(from: string, to: string): void {
  calendarDate(from);
  calendarDate(to);
  if (from > to) throw new RangeError(`from (${from}) must not be after to (${to})`);
}
