import { addLocalDays, localDateOf, weekStartOf } from '@flowlens/metrics';

/** A local calendar week, Monday to Sunday inclusive. */
export interface LocalWeek {
  readonly from: string;
  readonly to: string;
}

export const weekOf = (monday: string): LocalWeek => ({ from: monday, to: addLocalDays(monday, 6) });

/** The Monday of the local week holding `nowMs`. */
export function currentMonday(nowMs: number, timezone: string): string {
  return weekStartOf(localDateOf(nowMs, timezone));
}

/** The last complete local week before `nowMs`: the one a digest sent now covers. */
export function lastCompleteWeek(nowMs: number, timezone: string): LocalWeek {
  return weekOf(addLocalDays(currentMonday(nowMs, timezone), -7));
}

/** The `count` weeks before `week`, oldest first. */
export function weeksBefore(week: LocalWeek, count: number): LocalWeek[] {
  return Array.from({ length: count }, (_, i) => weekOf(addLocalDays(week.from, -7 * (count - i))));
}

function localHourOf(nowMs: number, timezone: string): number {
  const hour = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', hourCycle: 'h23' }).format(new Date(nowMs));
  return Number(hour);
}

export interface DigestSchedule {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
  /** Local hour 0–23. */
  readonly hour: number;
  /** The local date of the last scheduled send, or null. */
  readonly lastSentFor: string | null;
  /** When the digest was created: a slot that passed before it existed is not sent. */
  readonly createdAt?: Date | number;
}

/** Whether the local (date, hour) of `ms` is at or after the slot `date` `hour`. */
function atOrAfter(ms: number, timezone: string, date: string, hour: number): boolean {
  const day = localDateOf(ms, timezone);
  return day > date || (day === date && localHourOf(ms, timezone) >= hour);
}

/**
 * Whether a digest is due at `nowMs`: this local week's weekday and hour have come (compared as
 * local date and hour, so a DST change never shifts or skips it), it was not sent this week, and
 * it existed when the slot came.
 * Answers the local date to record in `last_sent_for`, or null when not due.
 */
export function dueSend(schedule: DigestSchedule, nowMs: number, timezone: string): { sendDate: string; monday: string } | null {
  const monday = currentMonday(nowMs, timezone);
  const sendDate = addLocalDays(monday, schedule.weekday - 1);
  if (!atOrAfter(nowMs, timezone, sendDate, schedule.hour)) return null;
  if (schedule.lastSentFor !== null && schedule.lastSentFor >= monday) return null;
  // Created after this week's slot: the first scheduled send is next week's ("send" is for now).
  if (schedule.createdAt !== undefined && atOrAfter(new Date(schedule.createdAt).getTime(), timezone, sendDate, schedule.hour)) return null;
  return { sendDate, monday };
}
