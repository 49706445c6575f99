import { TYPE_MIX, type IssueTypeName } from '../catalog/issue-type.catalog';
import { titlesOf } from '../catalog/title.catalog';
import type { Rng } from '../random.util';
import { DAY, isoDate } from '../time.util';
import type { Arrival, IssuePlan } from './issue.plan';
import { planLifecycle } from './issue-lifecycle.planner';
import { planSprintMembership } from './sprint-membership.planner';
import type { SprintPlan } from './sprint.schedule';
import type { VersionPlan } from './version.schedule';

export const FIRST_ISSUE_ID = 10001;
/** The board using sprints. */
const SCRUM_PROJECT = 'PAY';

const DESCRIPTIONS: Readonly<Record<IssueTypeName, readonly string[]>> = {
  Story: ['Acceptance criteria are in the discovery doc linked below.', 'Agreed in refinement; designs are in Figma.', 'Requested by several merchants in the last quarterly review.'],
  Task: ['Checklist in the runbook.', 'Small, self-contained; no design needed.', 'Follow-up from the last retro.'],
  Bug: ['Steps to reproduce are in the first comment. Seen in production.', 'Reported through support; affects a handful of customers a day.', 'Found by the nightly end-to-end suite.'],
  'Tech Debt': ['Slows every change in this area; see the ADR for the target design.', 'Left over from the last migration.'],
  Security: ['Raised by the quarterly security review.', 'Found by the dependency scanner; no known exploitation.'],
};

/** Jira's lexorank-looking board rank, increasing with creation order. */
function rankOf(sequence: number): string {
  return `0|i${(1_000 + sequence * 7).toString(36).padStart(5, '0')}:`;
}

/** Every issue's identity, fields at creation and time-ordered steps; ids follow creation order. */
export function planIssues(arrivals: readonly Arrival[], sprints: readonly SprintPlan[], versions: readonly VersionPlan[], rng: Rng): IssuePlan[] {
  const keyCounters = new Map<string, number>();
  return arrivals.map((arrival, sequence) => {
    const { project } = arrival;
    const number = (keyCounters.get(project.key) ?? 0) + 1;
    keyCounters.set(project.key, number);
    const type = rng.weighted(TYPE_MIX);
    const reporter = rng.chance(0.3) ? project.lead : rng.pick(project.team);
    const lifecycle = planLifecycle(arrival, type, reporter, versions, rng);
    const membership =
      project.key === SCRUM_PROJECT ? planSprintMembership(arrival.created, lifecycle.milestones, sprints, project.lead, rng) : { initialSprintIds: [], steps: [] };
    const component = rng.chance(0.7) ? [rng.pick(project.components)] : [];
    return {
      id: String(FIRST_ISSUE_ID + sequence),
      key: `${project.key}-${number}`,
      project,
      type,
      summary: rng.pick(titlesOf(project.key, type)),
      description: rng.pick(DESCRIPTIONS[type]),
      reporter,
      created: arrival.created,
      components: component,
      dueDate: rng.chance(0.15) ? isoDate(arrival.created + rng.int(7, 35) * DAY) : null,
      rank: rankOf(sequence),
      initial: { ...lifecycle.initial, sprintIds: membership.initialSprintIds },
      steps: [...lifecycle.steps, ...membership.steps].sort((a, b) => a.at - b.at),
    };
  });
}
