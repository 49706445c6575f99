import type { Rng } from '../random.util';
import { DAY, HOUR, MINUTE, SECOND } from '../time.util';
import type { IssueMilestones, IssueStep } from './issue.plan';
import { sprintIndexFor, type SprintPlan } from './sprint.schedule';

export interface SprintMembership {
  /** Sprints the issue was created in (straight onto the running sprint: scope added). */
  readonly initialSprintIds: readonly number[];
  readonly steps: readonly IssueStep[];
}

const NONE: SprintMembership = { initialSprintIds: [], steps: [] };

/**
 * A Scrum issue joins the sprint its work starts in: at planning if it already existed, later
 * if it was pulled in mid-sprint. Unfinished at a sprint's close, it rolls into the next sprint,
 * which Jira records by appending that sprint to the field.
 */
export function planSprintMembership(
  created: number,
  milestones: IssueMilestones | null,
  sprints: readonly SprintPlan[],
  owner: number,
  rng: Rng,
): SprintMembership {
  if (milestones === null) return NONE;
  const index = sprintIndexFor(sprints, milestones.startedAt);
  const first = sprints[index];
  if (!first || milestones.firstDoneAt < first.startAt) return NONE;
  const steps: IssueStep[] = [];
  const join = (at: number, sprintId: number) =>
    steps.push({ kind: 'update', at, actor: owner, change: (state) => ({ sprintIds: [...state.sprintIds, sprintId] }) });
  const planning = first.startAt - Math.floor(rng.between(10 * MINUTE, 40 * MINUTE));
  let initialSprintIds: number[] = [];
  if (created >= planning) {
    initialSprintIds = [first.id];
  } else if (milestones.startedAt > first.startAt + DAY && rng.chance(0.2)) {
    join(Math.floor(rng.between(first.startAt + HOUR, milestones.startedAt - 5 * MINUTE)), first.id);
  } else {
    join(planning, first.id);
  }
  for (let current = index; ; current += 1) {
    const sprint = sprints[current];
    const next = sprints[current + 1];
    if (!sprint || !next || sprint.closeAt === null || sprint.closeAt >= milestones.firstDoneAt) break;
    join(sprint.closeAt + Math.floor(rng.between(2 * SECOND, 40 * SECOND)), next.id);
  }
  return { initialSprintIds, steps };
}
