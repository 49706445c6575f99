import { NormalisationError, type CanonicalEvent, type NormalisationContext } from '@flowlens/contracts';
import { z } from 'zod';
import { jiraChangelogHistorySchema, jiraIssueSchema, type JiraChangelogHistory, type JiraIssue } from '../schema/jira-issue.schema';
import { parseOrSchemaError } from '../schema/zod-issues.util';
import { changelogEvents } from '../normalise/changelog.normaliser';
import { rewindChangelog } from '../normalise/changelog.rewinder';
import { creationEvents } from '../normalise/issue-created.normaliser';
import { issueStateOf, type IssueState } from '../normalise/issue-state';
import { assertCanonical } from '../normalise/jira-event.factory';
import { jiraSettingsOf } from '../normalise/jira-settings';
import { firstInstant, jiraInstant } from '../normalise/jira-time.util';
import type { StatusCategoryLookup } from '../normalise/status-category';
import { mergeStatusCatalogues, statusCatalogueFromIssues, type JiraStatusCatalogue } from './status-catalogue';

function numericOrder(a: string, b: string): number {
  return a.length - b.length || a.localeCompare(b);
}

function chronological(histories: readonly JiraChangelogHistory[]): Array<JiraChangelogHistory & { at: string }> {
  return histories
    .map((history) => {
      const at = jiraInstant(history.created);
      if (at === null) throw new NormalisationError(`changelog ${history.id}: unparseable created ${history.created}`);
      return { ...history, at };
    })
    .sort((a, b) => a.at.localeCompare(b.at) || numericOrder(a.id, b.id));
}

/**
 * An issue's whole history as canonical events: the creation snapshot (the current fields rewound
 * through every changelog), then each changelog's events. Takes raw REST JSON or parsed values;
 * throws PayloadSchemaError when they are not Jira's, NormalisationError when they cannot be represented. Event ids equal those the webhooks of
 * the same changes produce, so back-fill and live delivery collapse downstream.
 */
export function jiraIssueHistoryToEvents(
  rawIssue: JiraIssue | unknown,
  changelogHistories: readonly JiraChangelogHistory[] | readonly unknown[],
  statusCatalogue: JiraStatusCatalogue,
  ctx: NormalisationContext,
): CanonicalEvent[] {
  const issue = parseOrSchemaError(jiraIssueSchema, rawIssue, 'Jira issue');
  const settings = jiraSettingsOf(ctx);
  const catalogue = mergeStatusCatalogues(statusCatalogueFromIssues([issue]), statusCatalogue);
  const categoryOf: StatusCategoryLookup = (statusId) => (statusId === null ? null : (catalogue.get(statusId)?.category ?? null));
  const histories = chronological(parseOrSchemaError(z.array(jiraChangelogHistorySchema), changelogHistories, 'Jira changelog'));

  const after: IssueState[] = new Array<IssueState>(histories.length);
  let state = issueStateOf(issue, settings);
  for (let index = histories.length - 1; index >= 0; index -= 1) {
    after[index] = state;
    state = rewindChangelog(state, histories[index]?.items ?? [], settings);
  }

  const events = creationEvents({
    ctx,
    issueId: issue.id,
    state,
    occurredAt: firstInstant(ctx.receivedAt, issue.fields.created),
    categoryOf,
  });
  histories.forEach((history, index) => {
    const stateAfter = after[index] ?? state;
    events.push(
      ...changelogEvents({
        ctx,
        settings,
        identity: { itemId: issue.id, itemKey: stateAfter.key, boardId: stateAfter.boardId },
        changelogId: history.id,
        items: history.items,
        occurredAt: history.at,
        categoryOf,
        multiValuedAfter: () => ({ components: stateAfter.fields.components, fixVersions: stateAfter.fields.fixVersions }),
      }),
    );
  });
  return assertCanonical(events);
}
