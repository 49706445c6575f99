import type { NormalisationContext, NormalisationResult } from '@flowlens/contracts';
import { parseJiraWebhook } from '../schema/jira-webhook.parser';
import { normaliseIssueCreated, normaliseIssueDeleted, normaliseIssueUpdated } from './issue-webhook.normaliser';
import { assertCanonical } from './jira-event.factory';
import { changelogLinkEvents, issueLinksFieldEvents, issueLinkWebhookEvents } from './issue-link.normaliser';
import { jiraSettingsOf } from './jira-settings';
import { firstInstant } from './jira-time.util';
import { projectEvents } from './project.normaliser';
import { sprintEvents } from './sprint.normaliser';
import { versionEvents } from './version.normaliser';

/**
 * A Jira Cloud or Data Center webhook body as canonical events.
 * Throws PayloadSchemaError (not a Jira webhook) or NormalisationError (cannot be represented).
 */
export function normaliseJiraWebhook(body: unknown, ctx: NormalisationContext): NormalisationResult {
  const parsed = parseJiraWebhook(body);
  if (parsed.kind === 'ignored') return parsed;
  const result = withFieldLinks(parsed, dispatch(parsed, ctx), ctx);
  return result.kind === 'events' ? { kind: 'events', events: assertCanonical(result.events) } : result;
}

function dispatch(parsed: Exclude<ReturnType<typeof parseJiraWebhook>, { kind: 'ignored' }>, ctx: NormalisationContext): NormalisationResult {
  switch (parsed.kind) {
    case 'issue_created':
      return normaliseIssueCreated(parsed.body, ctx, jiraSettingsOf(ctx));
    case 'issue_updated':
      return normaliseIssueUpdated(parsed.body, ctx, jiraSettingsOf(ctx));
    case 'issue_deleted':
      return normaliseIssueDeleted(parsed.body, ctx);
    case 'sprint':
      return { kind: 'events', events: sprintEvents(parsed.body, ctx) };
    case 'project':
      return { kind: 'events', events: projectEvents(parsed.body, ctx) };
    case 'version':
      return { kind: 'events', events: versionEvents(parsed.body, ctx) };
    case 'issuelink': {
      const events = issueLinkWebhookEvents(parsed.body, ctx);
      return events.length ? { kind: 'events', events } : { kind: 'ignored', reason: `${parsed.body.webhookEvent}: not a dependency link` };
    }
  }
}

/** Issue payloads also carry `fields.issuelinks`: their dependency links join the events. */
function withFieldLinks(parsed: Exclude<ReturnType<typeof parseJiraWebhook>, { kind: 'ignored' }>, result: NormalisationResult, ctx: NormalisationContext): NormalisationResult {
  if (parsed.kind !== 'issue_created' && parsed.kind !== 'issue_updated') return result;
  const { issue, changelog, timestamp } = parsed.body;
  const links = issueLinksFieldEvents(issue, ctx, firstInstant(ctx.receivedAt, timestamp));
  if (changelog?.id && changelog.items) {
    links.push(...changelogLinkEvents(issue, { id: changelog.id, items: changelog.items }, firstInstant(ctx.receivedAt, changelog.created, timestamp), ctx));
  }
  if (links.length === 0) return result;
  return { kind: 'events', events: [...(result.kind === 'events' ? result.events : []), ...links] };
}
