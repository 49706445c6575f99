import {
  jiraIssueCreatedWebhookSchema,
  jiraIssueDeletedWebhookSchema,
  jiraIssueUpdatedWebhookSchema,
  jiraProjectWebhookSchema,
  jiraSprintWebhookSchema,
  jiraVersionWebhookSchema,
  jiraWebhookEnvelopeSchema,
  type JiraIssueCreatedWebhook,
  type JiraIssueDeletedWebhook,
  type JiraIssueUpdatedWebhook,
  type JiraProjectWebhook,
  type JiraSprintWebhook,
  type JiraVersionWebhook,
} from './jira-webhook.schema';
import { jiraIssueLinkWebhookSchema, type JiraIssueLinkWebhook } from './jira-issue-link.schema';
import { parseOrSchemaError } from './zod-issues.util';

export type ParsedJiraWebhook =
  | { readonly kind: 'issue_created'; readonly body: JiraIssueCreatedWebhook }
  | { readonly kind: 'issue_updated'; readonly body: JiraIssueUpdatedWebhook }
  | { readonly kind: 'issue_deleted'; readonly body: JiraIssueDeletedWebhook }
  | { readonly kind: 'sprint'; readonly body: JiraSprintWebhook }
  | { readonly kind: 'project'; readonly body: JiraProjectWebhook }
  | { readonly kind: 'version'; readonly body: JiraVersionWebhook }
  | { readonly kind: 'issuelink'; readonly body: JiraIssueLinkWebhook }
  | { readonly kind: 'ignored'; readonly reason: string };

const SPRINT_EVENTS = new Set(['sprint_created', 'sprint_updated', 'sprint_started', 'sprint_closed']);
const PROJECT_EVENTS = new Set(['project_created', 'project_updated']);
const VERSION_EVENTS = new Set([
  'jira:version_created',
  'jira:version_updated',
  'jira:version_released',
  'jira:version_unreleased',
]);

/** Deletions the canonical contract (v1) has no event for; see docs/connectors/jira.md. */
const UNREPRESENTABLE: ReadonlyMap<string, string> = new Map([
  ['sprint_deleted', 'sprint_deleted: the canonical contract has no sprint deletion'],
  ['project_deleted', 'project_deleted: the canonical contract has no project deletion'],
  ['jira:version_deleted', 'jira:version_deleted: the canonical contract has no release deletion'],
]);

/** Schema-checks a Jira webhook body and routes it by `webhookEvent`. Throws PayloadSchemaError. */
export function parseJiraWebhook(body: unknown): ParsedJiraWebhook {
  const { webhookEvent } = parseOrSchemaError(jiraWebhookEnvelopeSchema, body, 'Jira webhook');
  const what = `Jira ${webhookEvent} webhook`;
  switch (webhookEvent) {
    case 'jira:issue_created':
      return { kind: 'issue_created', body: parseOrSchemaError(jiraIssueCreatedWebhookSchema, body, what) };
    case 'jira:issue_updated':
      return { kind: 'issue_updated', body: parseOrSchemaError(jiraIssueUpdatedWebhookSchema, body, what) };
    case 'jira:issue_deleted':
      return { kind: 'issue_deleted', body: parseOrSchemaError(jiraIssueDeletedWebhookSchema, body, what) };
    case 'issuelink_created':
    case 'issuelink_deleted':
      return { kind: 'issuelink', body: parseOrSchemaError(jiraIssueLinkWebhookSchema, body, what) };
  }
  if (SPRINT_EVENTS.has(webhookEvent)) return { kind: 'sprint', body: parseOrSchemaError(jiraSprintWebhookSchema, body, what) };
  if (PROJECT_EVENTS.has(webhookEvent)) return { kind: 'project', body: parseOrSchemaError(jiraProjectWebhookSchema, body, what) };
  if (VERSION_EVENTS.has(webhookEvent)) return { kind: 'version', body: parseOrSchemaError(jiraVersionWebhookSchema, body, what) };
  return { kind: 'ignored', reason: UNREPRESENTABLE.get(webhookEvent) ?? ignoredReason(webhookEvent) };
}

function ignoredReason(webhookEvent: string): string {
  if (/^(comment|worklog|attachment)_/.test(webhookEvent)) return `${webhookEvent}: not tracked by flow metrics`;
  return `${webhookEvent}: unsupported Jira webhook event`;
}
