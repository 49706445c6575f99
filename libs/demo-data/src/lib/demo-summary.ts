import type { DemoProject } from './catalog/project.catalog';
import type { DemoDelivery, DemoHistorySummary } from './demo-history.types';
import type { SprintPlan } from './plan/sprint.schedule';
import type { VersionPlan } from './plan/version.schedule';
import type { IssueOutcome } from './render/issue-entries';

export interface SummaryInput {
  readonly from: number;
  readonly to: number;
  readonly deliveries: readonly DemoDelivery[];
  readonly projects: readonly DemoProject[];
  readonly outcomes: readonly IssueOutcome[];
  readonly sprints: readonly SprintPlan[];
  readonly versions: readonly VersionPlan[];
}

function countBy<T>(values: readonly T[], keyOf: (value: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[keyOf(value)] = (counts[keyOf(value)] ?? 0) + 1;
  return counts;
}

/** Counts of what was actually delivered (steps after `now` never happened). */
export function summarise(input: SummaryInput): DemoHistorySummary {
  const { outcomes } = input;
  const live = outcomes.filter((outcome) => !outcome.deleted);
  const count = (predicate: (outcome: IssueOutcome) => boolean) => outcomes.filter(predicate).length;
  const stateCount = (predicate: (status: string) => boolean) => live.filter((outcome) => predicate(outcome.state.status)).length;
  return {
    from: new Date(input.from).toISOString(),
    to: new Date(input.to).toISOString(),
    deliveries: input.deliveries.length,
    byWebhookEvent: countBy(input.deliveries, (delivery) => String(delivery.body['webhookEvent'])),
    projects: input.projects.length,
    issues: outcomes.length,
    issuesByProject: countBy(outcomes, (outcome) => outcome.plan.project.key),
    issuesByType: countBy(outcomes, (outcome) => outcome.plan.type),
    done: stateCount((status) => status === 'Done'),
    inProgress: stateCount((status) => status !== 'Done' && status !== 'To Do'),
    notStarted: stateCount((status) => status === 'To Do'),
    deleted: count((outcome) => outcome.deleted),
    reopened: count((outcome) => outcome.reopened),
    flagged: count((outcome) => outcome.flagged),
    labelledBlocked: count((outcome) => outcome.labelledBlocked),
    blockedStatus: count((outcome) => outcome.blockedStatus),
    sprints: input.sprints.length,
    sprintsClosed: input.sprints.filter((sprint) => sprint.closeAt !== null).length,
    versions: input.versions.length,
    versionsReleased: input.versions.filter((version) => version.releasedAt !== null).length,
  };
}
