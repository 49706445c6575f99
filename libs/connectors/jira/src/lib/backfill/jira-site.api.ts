import type { JiraChangelogHistory, JiraIssue } from '../schema/jira-issue.schema';
import type { JiraVersion } from '../schema/jira-primitives.schema';
import {
  jiraApproximateCountSchema,
  jiraChangelogPageSchema,
  jiraExpandedChangelogSchema,
  jiraOffsetSearchPageSchema,
  jiraSearchPageSchema,
  jiraVersionListSchema,
  jiraVersionPageSchema,
} from '../schema/jira-rest.schema';
import type { JiraBackfillCheckpoint } from './jira-backfill.checkpoint';
import type { JiraRestClient } from './jira-rest.client';

/** Jira Cloud (REST v3, token paging) or Data Center / Server (REST v2, offset paging). */
export type JiraSiteKind = 'cloud' | 'data-center';

export interface SearchResult {
  readonly issues: JiraIssue[];
  /** The checkpoint fields after this page (cursor and whether it was the last). */
  readonly next: Pick<JiraBackfillCheckpoint, 'nextPageToken' | 'startAt' | 'done'>;
  /** The site's own count, when the page carries one (Data Center). */
  readonly total: number | null;
}

export interface ChangelogPage {
  readonly histories: JiraChangelogHistory[];
  readonly total: number | null;
  readonly isLast: boolean;
}

export interface VersionPage {
  readonly versions: JiraVersion[];
  /** Where the next page of this project's versions starts, or null when this was the last. */
  readonly nextStartAt: number | null;
}

/** The endpoints one kind of Jira site offers for a back-fill. */
export interface JiraSiteApi {
  search(jql: string, from: JiraBackfillCheckpoint, maxResults: number): Promise<SearchResult>;
  /** One page of an issue's changelog, from the `startAt`-th history. */
  changelog(issueId: string, startAt: number, maxResults: number): Promise<ChangelogPage>;
  statusesPath(projectKey: string): string;
  /** One page of a project's versions (releases), from the `startAt`-th. */
  versions(projectKey: string, startAt: number, maxResults: number): Promise<VersionPage>;
  /** A total for progress, or null when the site has no cheap way to count. */
  count(jql: string): Promise<number | null>;
}

const issuePath = (version: 2 | 3, issueId: string) => `/rest/api/${version}/issue/${encodeURIComponent(issueId)}`;
const projectPath = (version: 2 | 3, projectKey: string) => `/rest/api/${version}/project/${encodeURIComponent(projectKey)}`;

async function pagedChangelog(rest: JiraRestClient, version: 2 | 3, issueId: string, startAt: number, maxResults: number): Promise<ChangelogPage> {
  const page = await rest.get(`${issuePath(version, issueId)}/changelog`, { startAt, maxResults }, jiraChangelogPageSchema);
  return { histories: page.values, total: page.total ?? null, isLast: page.isLast === true };
}

export function cloudSiteApi(rest: JiraRestClient): JiraSiteApi {
  return {
    async search(jql, from, maxResults) {
      const page = await rest.get('/rest/api/3/search/jql', { jql, nextPageToken: from.nextPageToken ?? undefined, maxResults, fields: '*all' }, jiraSearchPageSchema);
      const nextPageToken = page.nextPageToken ?? null;
      return { issues: page.issues, next: { nextPageToken, startAt: from.startAt, done: page.isLast === true || nextPageToken === null }, total: null };
    },
    changelog: (issueId, startAt, maxResults) => pagedChangelog(rest, 3, issueId, startAt, maxResults),
    statusesPath: (projectKey) => `${projectPath(3, projectKey)}/statuses`,
    async versions(projectKey, startAt, maxResults) {
      const page = await rest.get(`${projectPath(3, projectKey)}/version`, { startAt, maxResults }, jiraVersionPageSchema);
      const next = (page.startAt ?? startAt) + page.values.length;
      const last = page.isLast ?? (page.total !== null && page.total !== undefined ? next >= page.total : page.values.length < maxResults);
      return { versions: page.values, nextStartAt: last || page.values.length === 0 ? null : next };
    },
    async count(jql) {
      return (await rest.post('/rest/api/3/search/approximate-count', { jql }, jiraApproximateCountSchema)).count;
    },
  };
}

/**
 * Data Center: `/rest/api/2/search` pages by `startAt` and says its `total`; a project's versions
 * come in one unpaged list. The changelog comes
 * with the issue (`expand=changelog`); a site that caps it (fewer histories than `total`) is paged
 * on from `/rest/api/2/issue/{id}/changelog`.
 */
export function dataCenterSiteApi(rest: JiraRestClient): JiraSiteApi {
  return {
    async search(jql, from, maxResults) {
      const page = await rest.get('/rest/api/2/search', { jql, startAt: from.startAt, maxResults, fields: '*all' }, jiraOffsetSearchPageSchema);
      const startAt = (page.startAt ?? from.startAt) + page.issues.length;
      const done = page.issues.length === 0 || (page.total !== null && page.total !== undefined && startAt >= page.total);
      return { issues: page.issues, next: { nextPageToken: null, startAt, done }, total: page.total ?? null };
    },
    async changelog(issueId, startAt, maxResults) {
      if (startAt > 0) return pagedChangelog(rest, 2, issueId, startAt, maxResults);
      const { changelog } = await rest.get(issuePath(2, issueId), { expand: 'changelog', fields: 'created' }, jiraExpandedChangelogSchema);
      const total = changelog.total ?? null;
      return { histories: changelog.histories, total, isLast: total === null || changelog.histories.length >= total };
    },
    statusesPath: (projectKey) => `${projectPath(2, projectKey)}/statuses`,
    async versions(projectKey) {
      return { versions: await rest.get(`${projectPath(2, projectKey)}/versions`, {}, jiraVersionListSchema), nextStartAt: null };
    },
    count: async () => null,
  };
}
