import type { TeamInput } from './organisation.schema';

/** What the capacity of a day depends on. */
export type TeamCalendar = Pick<TeamInput, 'members' | 'workingDays' | 'holidays' | 'absences' | 'focusFactor'>;

/** ISO weekday (1 = Monday … 7 = Sunday) of a local date; local dates carry no zone. */
export function isoWeekday(date: string): number {
  return ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

/**
 * FTE-days of one local date: focus × Σ over members active that day of fte × (1 − absence),
 * on working weekdays that are not holidays; overlapping absences add up, capped at 1.
 */
export function capacityOfDay(team: TeamCalendar, date: string): number {
  if (!team.workingDays.includes(isoWeekday(date)) || team.holidays.includes(date)) return 0;
  let fte = 0;
  for (const member of team.members) {
    if ((member.from !== null && date < member.from) || (member.to !== null && date > member.to)) continue;
    const absent = team.absences
      .filter((a) => (a.member === member.accountId || a.member === member.name) && a.from <= date && date <= a.to)
      .reduce((sum, a) => sum + a.fraction, 0);
    fte += member.fte * (1 - Math.min(1, absent));
  }
  return team.focusFactor * fte;
}

/** Capacity of each date, in order. */
export function dailyCapacity(team: TeamCalendar, dates: readonly string[]): number[] {
  return dates.map((date) => capacityOfDay(team, date));
}
