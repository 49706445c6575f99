import { NormalisationError } from '@flowlens/contracts';
import { boardIdOf } from '../normalise/issue-state';
import type { JiraChangelogHistory, JiraIssue } from '../schema/jira-issue.schema';
import type { JiraVersion } from '../schema/jira-primitives.schema';
import { jiraProjectStatusesSchema } from '../schema/jira-rest.schema';
import { mapConcurrently } from './concurrency.util';
import {
  initialCheckpoint,
  isBackfillComplete,
  jiraBackfillCheckpointSchema,
  JiraCheckpointError,
  type JiraBackfillCheckpoint,
  type JiraBackfillCheckpointInput,
} from './jira-backfill.checkpoint';
import type { JiraRestClient } from './jira-rest.client';
import { cloudSiteApi, dataCenterSiteApi, type JiraSiteApi, type JiraSiteKind } from './jira-site.api';
import { statusCatalogueOf, type JiraStatusCatalogue } from './status-catalogue';

export interface JiraBackfillOptions {
  readonly jql: string;
  /** `cloud` (REST v3, the default) or `data-center` (Jira Data Center / Server, REST v2). */
  readonly site?: JiraSiteKind;
  /** Issues per search page; Jira may answer with fewer. */
  readonly pageSize?: number;
  readonly changelogPageSize?: number;
  /** Versions per page on Cloud (Jira caps it at 50); Data Center answers them all at once. */
  readonly versionPageSize?: number;
  /** Changelogs fetched in parallel within a page. */
  readonly concurrency?: number;
  /** Ask for a total to report progress against (Cloud: `search/approximate-count`; Data Center: each page's `total`). */
  readonly countTotal?: boolean;
}

export interface JiraBackfillIssue {
  readonly issue: JiraIssue;
  /** The full changelog, oldest first. */
  readonly histories: JiraChangelogHistory[];
}

export interface JiraBackfillVersion {
  /** The project the version was read from. */
  readonly projectKey: string;
  readonly version: JiraVersion;
}

export interface JiraBackfillProgress {
  readonly issuesDone: number;
  readonly pagesDone: number;
  readonly total: number | null;
}

/** A page of issues, or (after the last of them) a page of one project's versions. */
export interface JiraBackfillPage {
  readonly issues: JiraBackfillIssue[];
  readonly versions: JiraBackfillVersion[];
  /** Resume from here to continue after this page. */
  readonly checkpoint: JiraBackfillCheckpoint;
  readonly progress: JiraBackfillProgress;
}

/**
 * Reads a Jira Cloud or Data Center site's issues with their full changelogs, then the versions of
 * the projects those issues belong to, page by page, resumably.
 */
export class JiraBackfillClient {
  private readonly catalogues = new Map<string, Promise<JiraStatusCatalogue>>();
  private readonly site: JiraSiteApi;

  constructor(
    private readonly rest: JiraRestClient,
    private readonly options: JiraBackfillOptions,
  ) {
    this.site = options.site === 'data-center' ? dataCenterSiteApi(rest) : cloudSiteApi(rest);
  }

  async *pages(from?: JiraBackfillCheckpointInput): AsyncGenerator<JiraBackfillPage> {
    let checkpoint = from ? this.validCheckpoint(from) : initialCheckpoint(this.options.jql);
    if (checkpoint.jql !== this.options.jql) {
      throw new JiraCheckpointError(`checkpoint belongs to JQL "${checkpoint.jql}", not "${this.options.jql}"`);
    }
    if (checkpoint.total === null && this.options.countTotal !== false && !checkpoint.done) {
      checkpoint = { ...checkpoint, total: await this.approximateCount() };
    }
    while (!checkpoint.done) {
      const page = await this.site.search(this.options.jql, checkpoint, this.options.pageSize ?? 100);
      const issues = await mapConcurrently(page.issues, this.options.concurrency ?? 4, async (issue) => ({
        issue,
        histories: await this.changelog(issue.id),
      }));
      checkpoint = {
        ...checkpoint,
        ...page.next,
        total: checkpoint.total ?? (this.options.countTotal === false ? null : page.total),
        issuesDone: checkpoint.issuesDone + issues.length,
        pagesDone: checkpoint.pagesDone + 1,
        projects: withProjectsOf(checkpoint.projects, page.issues),
      };
      yield { issues, versions: [], checkpoint, progress: progressOf(checkpoint) };
    }
    while (!isBackfillComplete(checkpoint)) {
      const projectKey = checkpoint.projects[checkpoint.versionProjectsDone] as string;
      const page = await this.site.versions(projectKey, checkpoint.versionsStartAt, this.options.versionPageSize ?? 50);
      checkpoint = {
        ...checkpoint,
        versionProjectsDone: checkpoint.versionProjectsDone + (page.nextStartAt === null ? 1 : 0),
        versionsStartAt: page.nextStartAt ?? 0,
        versionsDone: checkpoint.versionsDone + page.versions.length,
      };
      yield { issues: [], versions: page.versions.map((version) => ({ projectKey, version })), checkpoint, progress: progressOf(checkpoint) };
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
      const page = await this.site.changelog(issueId, histories.length, maxResults);
      histories.push(...page.histories);
      const exhausted = page.histories.length === 0 || (page.total !== null && histories.length >= page.total);
      if (page.isLast || exhausted) return histories;
    }
  }

  /** Every status of a project with its category; cached per project for the client's life. */
  statusCatalogue(projectKey: string): Promise<JiraStatusCatalogue> {
    let catalogue = this.catalogues.get(projectKey);
    if (!catalogue) {
      catalogue = this.rest.get(this.site.statusesPath(projectKey), {}, jiraProjectStatusesSchema).then((response) => statusCatalogueOf(response));
      catalogue.catch(() => this.catalogues.delete(projectKey));
      this.catalogues.set(projectKey, catalogue);
    }
    return catalogue;
  }

  /** The site's count of the JQL's issues (null on Data Center, whose pages carry it). */
  approximateCount(): Promise<number | null> {
    return this.site.count(this.options.jql);
  }
}

function progressOf(checkpoint: JiraBackfillCheckpoint): JiraBackfillProgress {
  return { issuesDone: checkpoint.issuesDone, pagesDone: checkpoint.pagesDone, total: checkpoint.total };
}

function withProjectsOf(projects: readonly string[], issues: readonly JiraIssue[]): string[] {
  const seen = new Set(projects);
  for (const issue of issues) {
    try {
      seen.add(boardIdOf(issue));
    } catch (error) {
      // Such an issue fails normalisation and is reported there; it names no project to read.
      if (!(error instanceof NormalisationError)) throw error;
    }
  }
  return [...seen];
}
