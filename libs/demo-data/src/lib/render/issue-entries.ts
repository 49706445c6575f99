import { statusCategoryKeyOf } from '../catalog/workflow.catalog';
import type { IssuePlan, IssueState, IssueStep } from '../plan/issue.plan';
import type { AgileCatalog } from './agile-catalog';
import type { Body } from './agile-webhook.renderer';
import { changelogItems, issueEventTypeName } from './changelog.builder';
import type { IssueSnapshot } from './issue-fields.builder';
import { issueCreatedWebhook, issueDeletedWebhook, issueUpdatedWebhook } from './issue-webhook.renderer';

/** Something that happens at `at` and becomes one webhook body when its turn comes. */
export interface TimelineEntry {
  readonly at: number;
  /** Null when the step turned out to change nothing (Jira sends no webhook then). */
  readonly render: (timestamp: number) => Body | null;
}

/** Where an issue ended up, and what it went through, for the summary. */
export interface IssueOutcome {
  readonly plan: IssuePlan;
  state: IssueState;
  deleted: boolean;
  reopened: boolean;
  flagged: boolean;
  labelledBlocked: boolean;
  blockedStatus: boolean;
}

export interface IssueRenderContext {
  readonly catalog: AgileCatalog;
  readonly nextChangelogId: () => string;
}

const isDone = (state: IssueState) => state.status === 'Done';

/**
 * The creation and every step of one issue. Rendering walks the issue's state forward, so the
 * entries must be rendered in time order (the generator sorts all entries before rendering).
 */
export function issueEntries(plan: IssuePlan, context: IssueRenderContext, outcome: IssueOutcome): TimelineEntry[] {
  let snapshot: IssueSnapshot = { plan, state: plan.initial, updatedAt: plan.created, statusCategoryChangedAt: plan.created, resolvedAt: null };
  const note = (state: IssueState) => {
    outcome.flagged ||= state.flagged;
    outcome.labelledBlocked ||= state.labels.includes('blocked');
    outcome.blockedStatus ||= state.status === 'Blocked';
  };
  note(plan.initial);
  const stepEntry = (step: IssueStep): TimelineEntry => ({
    at: step.at,
    render: (timestamp) => {
      if (step.kind === 'delete') {
        outcome.deleted = true;
        return issueDeletedWebhook(snapshot, step.actor, context.catalog, timestamp);
      }
      const before = snapshot.state;
      const after = { ...before, ...step.change(before) };
      const items = changelogItems(before, after, context.catalog);
      if (items.length === 0) return null;
      const categoryChanged = statusCategoryKeyOf(before.status) !== statusCategoryKeyOf(after.status);
      snapshot = {
        plan,
        state: after,
        updatedAt: step.at,
        statusCategoryChangedAt: categoryChanged ? step.at : snapshot.statusCategoryChangedAt,
        resolvedAt: isDone(after) ? (isDone(before) ? snapshot.resolvedAt : step.at) : null,
      };
      outcome.state = after;
      outcome.reopened ||= isDone(before) && !isDone(after);
      note(after);
      const changelog = { id: context.nextChangelogId(), items, eventTypeName: issueEventTypeName(before, after) };
      return issueUpdatedWebhook(snapshot, changelog, step.actor, context.catalog, timestamp);
    },
  });
  return [{ at: plan.created, render: (timestamp) => issueCreatedWebhook(snapshot, context.catalog, timestamp) }, ...plan.steps.map(stepEntry)];
}
