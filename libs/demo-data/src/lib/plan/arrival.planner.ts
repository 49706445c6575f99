import type { DemoProject } from '../catalog/project.catalog';
import type { Rng } from '../random.util';
import { DAY, isWeekend, MINUTE, startOfDay, workingMomentOn } from '../time.util';
import type { Arrival } from './issue.plan';

/** A trickle of weekend tickets (incidents, customer reports) next to the weekday flow. */
const WEEKEND_SHARE = 0.1;
/** Issues per project and kick-off day entered when the team moved onto the boards. */
const KICKOFF_PER_PROJECT_DAY = 5;
const KICKOFF_DAYS = 2;

export interface ArrivalWindow {
  /** The projects exist from here on. */
  readonly openAt: number;
  readonly now: number;
  readonly scale: number;
}

/** When each issue is created, weekday-heavy, in creation order. */
export function planArrivals(projects: readonly DemoProject[], window: ArrivalWindow, rng: Rng): Arrival[] {
  const arrivals: Arrival[] = [];
  const latest = window.now - 10 * MINUTE;
  let kickoffDaysLeft = KICKOFF_DAYS;
  for (let day = startOfDay(window.openAt); day < window.now; day += DAY) {
    const weekend = isWeekend(day);
    const kickoff = !weekend && kickoffDaysLeft > 0;
    if (kickoff) kickoffDaysLeft -= 1;
    for (const project of projects) {
      const mean = project.weekdayArrivals * window.scale * (weekend ? WEEKEND_SHARE : 1);
      const draws: Array<[number, boolean]> = [];
      for (let n = rng.poisson(mean); n > 0; n -= 1) draws.push([workingMomentOn(day, rng), false]);
      if (kickoff) {
        for (let n = rng.poisson(KICKOFF_PER_PROJECT_DAY * window.scale); n > 0; n -= 1) draws.push([workingMomentOn(day, rng), true]);
      }
      for (const [created, isKickoff] of draws) {
        if (created > window.openAt + 15 * MINUTE && created < latest) arrivals.push({ project, created, kickoff: isKickoff });
      }
    }
  }
  return arrivals.sort((a, b) => a.created - b.created);
}
