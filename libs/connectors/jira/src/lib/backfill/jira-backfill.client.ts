import type { JiraChangelogHistory, JiraIssue } from '../schema/jira-issue.schema';
import {
  jiraApproximateCountSchema,
  jiraChangelogPageSchema,
  jiraProjectStatusesSchema,
  jiraSearchPageSchema,
} from '../schema/jira-rest.schema';
import { mapConcurrently } from './concurrency.util';
import { initialCheckpoint, jiraBackfillCheckpointSchema, JiraCheckpointError, type JiraBackfillCheckpoint } from './jira-backfill.checkpoint';
import type { JiraRestClient } from './jira-rest.client';
import { statusCatalogueOf, type JiraStatusCatalogue } from './status-catalogue';

export interface JiraBackfillOptions {
  readonly jql: string;
  /** Issues per search page; Jira may answer with fewer. */
  readonly pageSize?: number;
  readonly changelogPageSize?: number;
  /** Changelogs fetched in parallel within a page. */
  readonly concurrency?: number;
  /** Ask `search/approximate-count` for a total to report progress against. */
  readonly countTotal?: boolean;
}

export interface JiraBackfillIssue {
  readonly issue: JiraIssue;
  /** The full changelog, oldest first. */
  readonly histories: JiraChangelogHistory[];
}

export interface JiraBackfillProgress {
  readonly issuesDone: number;
  readonly pagesDone: number;
  readonly total: number | null;
}

export interface JiraBackfillPage {
  readonly issues: JiraBackfillIssue[];
  /** Resume from here to continue after this page. */
  readonly checkpoint: JiraBackfillCheckpoint;
  readonly progress: JiraBackfillProgress;
}

/** Reads a Jira Cloud site's issues with their full changelogs, page by page, resumably. */
export class JiraBackfillClient {
  private readonly catalogues = new Map<string, Promise<JiraStatusCatalogue>>();

  constructor(
    private readonly rest: JiraRestClient,
    private readonly options: JiraBackfillOptions,
  ) {}

  async *pages(from?: JiraBackfillCheckpoint): AsyncGenerator<JiraBackfillPage> {
    let checkpoint = from ? this.validCheckpoint(from) : initialCheckpoint(this.options.jql);
    if (checkpoint.jql !== this.options.jql) {
      throw new JiraCheckpointError(`checkpoint belongs to JQL "${checkpoint.jql}", not "${this.options.jql}"`);
    }
    if (checkpoint.total === null && this.options.countTotal !== false && !checkpoint.done) {
      checkpoint = { ...checkpoint, total: await this.approximateCount() };
    }
    while (!checkpoint.done) {
      const page = await this.rest.get(
        '/rest/api/3/search/jql',
        { jql: this.options.jql, nextPageToken: checkpoint.nextPageToken ?? undefined, maxResults: this.options.pageSize ?? 100, fields: '*all' },
        jiraSearchPageSchema,
      );
      const issues = await mapConcurrently(page.issues, this.options.concurrency ?? 4, async (issue) => ({
        issue,
        histories: await this.changelog(issue.id),
      }));
      const nextPageToken = page.nextPageToken ?? null;
      checkpoint = {
        ...checkpoint,
        nextPageToken,
        issuesDone: checkpoint.issuesDone + issues.length,
        pagesDone: checkpoint.pagesDone + 1,
        done: page.isLast === true || nextPageToken === null,
      };
      yield { issues, checkpoint, progress: { issuesDone: checkpoint.issuesDone, pagesDone: checkpoint.pagesDone, total: checkpoint.total } };
    }
  }

  private validCheckpoint(from: unknown): JiraBackfillCheckpoint {
    const parsed = jiraBackfillCheckpointSchema.safeParse(from);
    if (!parsed.success) throw new JiraCheckpointError(`not a Jira back-fill checkpoint: ${parsed.error.issues[0]?.message ?? ''}`);
    return parsed.data;
  }

  /** The whole changelog of one issue: `expand=changelog` on search truncates, this does not. */
  async changelog(issueId: string): Promise<JiraChangelogHistory[]> {
    const histories: JiraChangelogHistory[] = [];
    const maxResults = this.options.changelogPageSize ?? 100;
    for (;;) {
      const page = await this.rest.get(
        `/rest/api/3/issue/${encodeURIComponent(issueId)}/changelog`,
        { startAt: histories.length, maxResults },
        jiraChangelogPageSchema,
      );
      histories.push(...page.values);
      const exhausted = page.values.length === 0 || (page.total !== null && page.total !== undefined && histories.length >= page.total);
      if (page.isLast === true || exhausted) return histories;
    }
  }

  /** Every status of a project with its category; cached per project for the client's life. */
  statusCatalogue(projectKey: string): Promise<JiraStatusCatalogue> {
    let catalogue = this.catalogues.get(projectKey);
    if (!catalogue) {
      catalogue = this.rest
        .get(`/rest/api/3/project/${encodeURIComponent(projectKey)}/statuses`, {}, jiraProjectStatusesSchema)
        .then((response) => statusCatalogueOf(response));
      catalogue.catch(() => this.catalogues.delete(projectKey));
      this.catalogues.set(projectKey, catalogue);
    }
    return catalogue;
  }

  async approximateCount(): Promise<number> {
    const { count } = await this.rest.post('/rest/api/3/search/approximate-count', { jql: this.options.jql }, jiraApproximateCountSchema);
    return count;
  }
}
