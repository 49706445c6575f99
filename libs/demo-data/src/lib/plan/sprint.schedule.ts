import type { Rng } from '../random.util';
import { DAY, HOUR, MINUTE, nextWorkingMoment, startOfDay } from '../time.util';

/** The Payments Scrum board; sprints belong to it. */
export const SPRINT_BOARD_ID = 2;
const SPRINT_DAYS = 14;
const FIRST_SPRINT_ID = 1;

const GOALS: readonly string[] = [
  'Partial refunds end to end',
  'Apple Pay beta for returning customers',
  'Payout schedules per merchant',
  'Harden the charge API before peak',
  'SEPA mandates in checkout',
  'Dispute evidence upload',
  'Settlement reports in every currency',
  'Fraud rules on the new engine',
  'Marketplace split payments',
  'Pay down ledger debt',
];

export interface SprintPlan {
  readonly id: number;
  readonly name: string;
  readonly goal: string;
  readonly createdAt: number;
  /** Goal and dates set during planning (a `sprint_updated`). */
  readonly plannedAt: number;
  readonly startAt: number;
  readonly endAt: number;
  /** Null while the sprint is still running or not started at `now`. */
  readonly closeAt: number | null;
}

export type SprintState = 'future' | 'active' | 'closed';

/**
 * Two-week sprints starting on Mondays; each is created the week before, planned on the Friday,
 * and closed on the Monday morning the next one starts. Only sprints created before `now` exist.
 */
export function planSprints(openAt: number, now: number, rng: Rng): SprintPlan[] {
  let monday = startOfDay(openAt + 4 * DAY);
  while (new Date(monday).getUTCDay() !== 1) monday += DAY;
  const sprints: SprintPlan[] = [];
  for (let index = 0; ; index += 1) {
    const startAt = monday + index * SPRINT_DAYS * DAY + 9 * HOUR + 30 * MINUTE + Math.floor(rng.between(0, 20 * MINUTE));
    const createdAt = nextWorkingMoment(startAt - rng.between(4, 6) * DAY, rng);
    if (createdAt >= now) break;
    const plannedAt = Math.max(createdAt + HOUR, startAt - 3 * DAY + Math.floor(rng.between(0, 6 * HOUR)));
    const nextStart = monday + (index + 1) * SPRINT_DAYS * DAY + 9 * HOUR + 30 * MINUTE;
    const closeAt = nextStart - Math.floor(rng.between(5 * MINUTE, 25 * MINUTE));
    sprints.push({
      id: FIRST_SPRINT_ID + index,
      name: `PAY Sprint ${index + 1}`,
      goal: GOALS[index % GOALS.length] ?? '',
      createdAt: Math.max(createdAt, openAt + HOUR),
      plannedAt,
      startAt,
      endAt: startOfDay(startAt) + SPRINT_DAYS * DAY + 9 * HOUR + 30 * MINUTE,
      closeAt: closeAt < now - MINUTE ? closeAt : null,
    });
  }
  return sprints;
}

export function sprintStateAt(sprint: SprintPlan, at: number): SprintState {
  if (at < sprint.startAt) return 'future';
  if (sprint.closeAt === null || at < sprint.closeAt) return 'active';
  return 'closed';
}

/** The sprint an issue started at `at` is worked in: the first one not yet closed by then. */
export function sprintIndexFor(sprints: readonly SprintPlan[], at: number): number {
  return sprints.findIndex((sprint) => sprint.closeAt === null || at < sprint.closeAt);
}
