import type { Rng } from './random.util';

export const SECOND = 1_000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Jira's instant format: `2024-01-15T10:23:45.123+0000`. */
export function jiraDateTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

/** `2024-01-15`. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `15/Jan/24`, as Jira renders version dates for the user. */
export function jiraUserDate(ms: number): string {
  const date = new Date(ms);
  return `${String(date.getUTCDate()).padStart(2, '0')}/${MONTHS[date.getUTCMonth()]}/${String(date.getUTCFullYear()).slice(2)}`;
}

export function isWeekend(ms: number): boolean {
  const weekday = new Date(ms).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** Midnight UTC of the first weekday at or after the day holding `ms`. */
export function weekdayOf(ms: number): number {
  let day = startOfDay(ms);
  while (isWeekend(day)) day += DAY;
  return day;
}

/** Midnight UTC of the day holding `ms`. */
export function startOfDay(ms: number): number {
  return ms - (((ms % DAY) + DAY) % DAY);
}

const WORK_START_HOUR = 8;
const WORK_END_HOUR = 18;

/**
 * The team (Europe, working in UTC) touches Jira on weekdays between 08:00 and 18:00: a moment
 * outside that moves to a random time of the next working day, mornings slightly favoured.
 */
export function nextWorkingMoment(ms: number, rng: Rng): number {
  const day = startOfDay(ms);
  const hour = (ms - day) / HOUR;
  if (!isWeekend(ms) && hour >= WORK_START_HOUR && hour < WORK_END_HOUR) return ms;
  let next = hour < WORK_START_HOUR ? day : day + DAY;
  while (isWeekend(next)) next += DAY;
  const intoTheDay = rng.next() * rng.between(0.5, 1) * (WORK_END_HOUR - WORK_START_HOUR) * HOUR;
  return next + WORK_START_HOUR * HOUR + Math.floor(intoTheDay);
}

/** A random moment of working hours on the day starting at `day` (midnight UTC). */
export function workingMomentOn(day: number, rng: Rng): number {
  return day + WORK_START_HOUR * HOUR + Math.floor(rng.next() * (WORK_END_HOUR - WORK_START_HOUR) * HOUR);
}
