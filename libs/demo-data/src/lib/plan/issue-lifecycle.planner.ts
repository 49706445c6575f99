import { PRIORITY_MIX, type IssueTypeName, type PriorityName } from '../catalog/issue-type.catalog';
import { pickAssignee } from '../catalog/project.catalog';
import type { StatusName } from '../catalog/workflow.catalog';
import type { Rng } from '../random.util';
import { workInProgress } from './in-progress.planner';
import type { Arrival, IssueMilestones, IssueState, IssueStep } from './issue.plan';
import { clamp, IssueTimelineBuilder } from './issue-timeline.builder';
import { openVersionAt, type VersionPlan } from './version.schedule';

const TYPE_PACE: Readonly<Record<IssueTypeName, number>> = { Story: 1.2, Task: 0.8, Bug: 0.7, 'Tech Debt': 1.3, Security: 0.9 };
/** Relative time an item spends in each working status. */
const STAGE_WEIGHT: Partial<Readonly<Record<StatusName, number>>> = { 'In Progress': 5, 'In Review': 2.5, 'Ready for QA': 3 };
const POINTS: ReadonlyArray<readonly [number, number]> = [[1, 10], [2, 20], [3, 25], [5, 25], [8, 14], [13, 6]];

export interface PlannedLifecycle {
  readonly initial: IssueState;
  readonly steps: readonly IssueStep[];
  /** Null for issues never started (or deleted before). */
  readonly milestones: IssueMilestones | null;
}

function initialState(arrival: Arrival, type: IssueTypeName, rng: Rng): IssueState {
  const { project } = arrival;
  const estimated = type === 'Bug' ? rng.chance(0.3) : rng.chance(0.85);
  const labelCount = rng.weighted([[0, 45], [1, 40], [2, 15]] as const);
  const labels = new Set<string>();
  while (labels.size < labelCount) labels.add(rng.pick(project.labels));
  const bugPriorities: ReadonlyArray<readonly [PriorityName, number]> = [['Highest', 10], ['High', 35], ['Medium', 45], ['Low', 10]];
  return {
    status: 'To Do',
    assignee: rng.chance(0.45) ? pickAssignee(project, rng.next()) : null,
    labels: [...labels].sort(),
    flagged: false,
    sprintIds: [],
    points: estimated ? rng.weighted(POINTS) : null,
    priority: rng.weighted(type === 'Bug' ? bugPriorities : PRIORITY_MIX),
    fixVersionIds: [],
  };
}

/** How long the item is worked on, in days: lognormal, with quick fixes and a few large items. */
function cycleDays(arrival: Arrival, type: IssueTypeName, rng: Rng): number {
  if (rng.chance(0.07)) return rng.between(0.05, 0.5);
  const big = rng.chance(0.05) ? rng.between(2.5, 4) : 1;
  return clamp(rng.lognormal(3.9 * arrival.project.pace * TYPE_PACE[type], 0.75) * big, 0.08, 45);
}

/**
 * One issue's life: maybe deleted or left in the backlog, otherwise started, worked through its
 * board's statuses (with impediments and review bounces), done, and now and then reopened.
 */
export function planLifecycle(arrival: Arrival, type: IssueTypeName, reporter: number, versions: readonly VersionPlan[], rng: Rng): PlannedLifecycle {
  const { project } = arrival;
  const initial = initialState(arrival, type, rng);
  const timeline = new IssueTimelineBuilder(arrival.created, rng, initial.assignee ?? pickAssignee(arrival.project, rng.next()));
  const fate = rng.next();
  if (fate < 0.025) {
    timeline.delete(rng.exponential(1.5) + 0.05, project.lead);
    return { initial, steps: timeline.steps, milestones: null };
  }
  if (fate < 0.09) {
    if (rng.chance(0.4)) timeline.change(rng.exponential(6) + 0.5, () => ({ priority: 'Low' }), project.lead);
    return { initial, steps: timeline.steps, milestones: null };
  }
  const urgent = initial.priority === 'Highest' || (type === 'Bug' && initial.priority === 'High');
  const backlogDays = arrival.kickoff ? rng.exponential(0.8) : urgent ? rng.exponential(0.5) : rng.exponential(4.5);
  if (initial.points !== null && rng.chance(0.1)) {
    const points = rng.weighted(POINTS);
    timeline.change(backlogDays / 2, () => ({ points }), project.lead);
  }
  const assignee = timeline.assignee;
  const startedAt = timeline.change(backlogDays / 2 + 0.02, () => ({ status: 'In Progress', assignee }));
  const stages = project.flow.filter((status) => STAGE_WEIGHT[status] !== undefined);
  const weights = stages.map((status) => (STAGE_WEIGHT[status] ?? 0) * rng.between(0.6, 1.4));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const cycle = cycleDays(arrival, type, rng);
  stages.forEach((status, index) => {
    const days = (cycle * (weights[index] ?? 0)) / total;
    if (status === 'In Progress') return workInProgress(timeline, project, days);
    timeline.moveTo(0, status);
    timeline.cursor.after(days);
    if (status === 'In Review' && rng.chance(0.15)) {
      timeline.moveTo(0, 'In Progress');
      timeline.moveTo(clamp(rng.lognormal(0.8, 0.5), 0.1, 4), 'In Review');
      timeline.cursor.after(rng.between(0.1, 0.6));
    }
  });
  const firstDoneAt = timeline.cursor.moveTo(timeline.cursor.now);
  const version = openVersionAt(versions, project.key, firstDoneAt);
  timeline.steps.push({
    kind: 'update',
    at: firstDoneAt,
    actor: timeline.assignee,
    change: (state) => ({ status: 'Done', fixVersionIds: version ? [version.id] : state.fixVersionIds }),
  });
  if (rng.chance(0.06)) {
    timeline.moveTo(rng.exponential(4) + 0.3, 'In Progress', reporter);
    timeline.cursor.after(clamp(rng.lognormal(1.2, 0.6), 0.1, 8));
    if (project.flow.includes('In Review')) timeline.moveTo(0, 'In Review');
    timeline.moveTo(rng.between(0.1, 0.8), 'Done');
  }
  return { initial, steps: timeline.steps, milestones: { startedAt, firstDoneAt } };
}
