import { jiraUser } from '../catalog/people.catalog';
import type { AgileCatalog } from './agile-catalog';
import type { Body } from './agile-webhook.renderer';
import { jiraIssue, type IssueSnapshot } from './issue-fields.builder';

export function issueCreatedWebhook(snapshot: IssueSnapshot, catalog: AgileCatalog, timestamp: number): Body {
  return {
    timestamp,
    webhookEvent: 'jira:issue_created',
    issue_event_type_name: 'issue_created',
    user: jiraUser(snapshot.plan.reporter),
    issue: jiraIssue(snapshot, catalog),
  };
}

export interface RenderedChangelog {
  readonly id: string;
  readonly items: ReadonlyArray<Record<string, unknown>>;
  readonly eventTypeName: string;
}

/** `fields` hold the issue after the change, as Jira sends them. */
export function issueUpdatedWebhook(snapshot: IssueSnapshot, changelog: RenderedChangelog, actor: number, catalog: AgileCatalog, timestamp: number): Body {
  return {
    timestamp,
    webhookEvent: 'jira:issue_updated',
    issue_event_type_name: changelog.eventTypeName,
    user: jiraUser(actor),
    issue: jiraIssue(snapshot, catalog),
    changelog: { id: changelog.id, items: changelog.items },
  };
}

/** Jira sends the issue as it was when deleted. */
export function issueDeletedWebhook(snapshot: IssueSnapshot, actor: number, catalog: AgileCatalog, timestamp: number): Body {
  return {
    timestamp,
    webhookEvent: 'jira:issue_deleted',
    issue_event_type_name: 'issue_deleted',
    user: jiraUser(actor),
    issue: jiraIssue(snapshot, catalog),
  };
}
