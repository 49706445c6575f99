import { NormalisationError, type CanonicalEvent, type NormalisationContext } from '@flowlens/contracts';
import { jiraExportSchema, type JiraExportedIssue } from '../schema/jira-rest.schema';
import { parseOrSchemaError } from '../schema/zod-issues.util';
import { jiraIssueHistoryToEvents } from './issue-history.normaliser';
import { mergeStatusCatalogues, statusCatalogueFromIssues, type JiraStatusCatalogue } from './status-catalogue';

export interface JiraIssueFailure {
  readonly issueId: string;
  readonly issueKey: string;
  readonly reason: string;
}

export interface JiraExportImport {
  readonly issues: number;
  readonly events: CanonicalEvent[];
  readonly failures: JiraIssueFailure[];
  /** Keys of issues whose expanded changelog holds fewer histories than its total (Jira caps it at 100). */
  readonly truncatedChangelogs: string[];
}

/**
 * A Jira issues JSON export (a search response `{issues: [...]}` or a bare array, with
 * `expand=changelog`) as canonical events. Throws PayloadSchemaError when the file is not one.
 */
export function jiraExportToEvents(
  json: unknown,
  ctx: NormalisationContext,
  statusCatalogue: JiraStatusCatalogue = new Map(),
): JiraExportImport {
  const parsed = parseOrSchemaError(jiraExportSchema, json, 'Jira issues export');
  const issues: JiraExportedIssue[] = Array.isArray(parsed) ? parsed : parsed.issues;
  const catalogue = mergeStatusCatalogues(statusCatalogueFromIssues(issues), statusCatalogue);
  const events: CanonicalEvent[] = [];
  const failures: JiraIssueFailure[] = [];
  const truncatedChangelogs: string[] = [];
  for (const issue of issues) {
    const histories = issue.changelog?.histories ?? [];
    if ((issue.changelog?.total ?? 0) > histories.length) truncatedChangelogs.push(issue.key);
    try {
      events.push(...jiraIssueHistoryToEvents(issue, histories, catalogue, ctx));
    } catch (error) {
      if (!(error instanceof NormalisationError)) throw error;
      failures.push({ issueId: issue.id, issueKey: issue.key, reason: error.message });
    }
  }
  return { issues: issues.length, events, failures, truncatedChangelogs };
}
