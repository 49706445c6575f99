import { NormalisationError, type NormalisationContext, type NormalisationResult } from '@flowlens/contracts';
import type { JiraConnectorSettings } from '../schema/jira-connector-settings.schema';
import type { JiraIssueFields } from '../schema/jira-issue.schema';
import type {
  JiraIssueCreatedWebhook,
  JiraIssueDeletedWebhook,
  JiraIssueUpdatedWebhook,
} from '../schema/jira-webhook.schema';
import { changelogEvents } from './changelog.normaliser';
import { rewindChangelog } from './changelog.rewinder';
import { creationEvents } from './issue-created.normaliser';
import { observationEvents } from './issue-observed.normaliser';
import { boardIdOf, issueStateOf, knownMultiValuedOf } from './issue-state';
import { envelopeOf } from './jira-event.factory';
import { firstInstant } from './jira-time.util';
import { statusCategoryOf, type StatusCategoryLookup } from './status-category';

/** A webhook knows the category of one status only: the issue's current one. */
function currentCategoryLookup(fields: JiraIssueFields | undefined): StatusCategoryLookup {
  const status = fields?.status;
  return (statusId) => (status && statusId !== null && status.id === statusId ? statusCategoryOf(status.statusCategory?.key) : null);
}

export function normaliseIssueCreated(body: JiraIssueCreatedWebhook, ctx: NormalisationContext, settings: JiraConnectorSettings): NormalisationResult {
  const { issue, changelog } = body;
  const current = issueStateOf(issue, settings);
  const categoryOf = currentCategoryLookup(issue.fields);
  const items = changelog?.items ?? [];
  // Some sites attach the changelog of fields set during creation; it is the same history the
  // REST changelog holds, so it gets the same event ids as a back-fill of it would.
  const withChangelog = items.length > 0 && changelog?.id;
  const created = creationEvents({
    ctx,
    issueId: issue.id,
    state: withChangelog ? rewindChangelog(current, items, settings) : current,
    occurredAt: firstInstant(ctx.receivedAt, issue.fields.created, body.timestamp),
    categoryOf,
  });
  const updates = withChangelog
    ? changelogEvents({
        ctx,
        settings,
        identity: { itemId: issue.id, itemKey: issue.key, boardId: current.boardId },
        changelogId: withChangelog,
        items,
        occurredAt: firstInstant(ctx.receivedAt, changelog?.created, body.timestamp),
        categoryOf,
        multiValuedAfter: () => knownMultiValuedOf(issue.fields),
      })
    : [];
  return { kind: 'events', events: [...created, ...updates] };
}

export function normaliseIssueUpdated(body: JiraIssueUpdatedWebhook, ctx: NormalisationContext, settings: JiraConnectorSettings): NormalisationResult {
  const { issue, changelog } = body;
  const items = changelog?.items ?? [];
  if (items.length > 0 && !changelog?.id) throw new NormalisationError(`jira:issue_updated for ${issue.key}: changelog without an id`);
  const changelogId = items.length > 0 ? changelog?.id : undefined;
  const occurredAt = firstInstant(ctx.receivedAt, changelogId ? changelog?.created : undefined, body.timestamp);
  const changes = changelogId
    ? changelogEvents({
        ctx,
        settings,
        identity: { itemId: issue.id, itemKey: issue.key, boardId: boardIdOf(issue) },
        changelogId,
        items,
        occurredAt,
        categoryOf: currentCategoryLookup(issue.fields),
        multiValuedAfter: () => knownMultiValuedOf(issue.fields),
      })
    : [];
  // Without a changelog (a comment), Jira's event time is the only stable identity of the change.
  const stamp = String(body.timestamp ?? issue.fields?.['updated'] ?? '');
  const origin = changelogId
    ? { idParts: [issue.id, changelogId], sourceEventId: changelogId, occurredAt }
    : { idParts: [issue.id, 'update', stamp], sourceEventId: `${issue.id}:update:${stamp}`, occurredAt };
  const events = [...changes, ...observationEvents({ ctx, settings, issue, origin })];
  if (events.length > 0) return { kind: 'events', events };
  if (!changelogId) return { kind: 'ignored', reason: `jira:issue_updated for ${issue.key} without a changelog nor a status` };
  const fields = [...new Set(items.map((item) => item.field))].join(', ');
  return { kind: 'ignored', reason: `changelog ${changelogId} of ${issue.key} changes only untracked fields: ${fields}` };
}

export function normaliseIssueDeleted(body: JiraIssueDeletedWebhook, ctx: NormalisationContext): NormalisationResult {
  const { issue } = body;
  const origin = {
    idParts: [issue.id, 'deleted'],
    sourceEventId: `${issue.id}:deleted`,
    occurredAt: firstInstant(ctx.receivedAt, body.timestamp),
    sequence: 0,
  };
  return {
    kind: 'events',
    events: [
      {
        ...envelopeOf(ctx, origin),
        itemId: issue.id,
        itemKey: issue.key,
        boardId: boardIdOf(issue),
        type: 'WorkItemDeleted',
        payload: {},
      },
    ],
  };
}
