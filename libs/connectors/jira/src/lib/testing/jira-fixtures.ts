import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { statusCatalogueOf, type JiraStatusCatalogue } from '../backfill/status-catalogue';
import type { JiraChangelogHistory, JiraIssue } from '../schema/jira-issue.schema';
import { jiraChangelogPageSchema, jiraProjectStatusesSchema, jiraSearchPageSchema } from '../schema/jira-rest.schema';
import { canonicalEventSchema, type CanonicalEvent, type NormalisationContext, type NormalisationResult } from '@flowlens/contracts';

/** Test-only: the recorded Jira payloads under test/fixtures/jira. */
export const JIRA_FIXTURES_DIR = join(__dirname, '..', '..', '..', '..', '..', '..', 'test', 'fixtures', 'jira');

export function jiraFixture(relativePath: string): unknown {
  return JSON.parse(readFileSync(join(JIRA_FIXTURES_DIR, `${relativePath}.json`), 'utf8'));
}

export function jiraFixtureRaw(relativePath: string): Buffer {
  return readFileSync(join(JIRA_FIXTURES_DIR, `${relativePath}.json`));
}

export function jiraFixtureNames(directory: string): string[] {
  return readdirSync(join(JIRA_FIXTURES_DIR, directory))
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .sort();
}

export function testContext(settings: Record<string, unknown> = {}, workspaceId = 'ws-acme'): NormalisationContext {
  return { workspaceId, connectorId: 'conn-jira-cloud', receivedAt: '2024-06-01T12:00:00.000Z', settings };
}

/** Data Center sites in the fixtures number their agile custom fields differently. */
export const DC_SETTINGS = {
  storyPointsField: 'customfield_10106',
  sprintField: 'customfield_10104',
  flaggedField: 'customfield_10105',
} as const;

/** The events of a result, each checked against the contract; fails the test on `ignored`. */
export function eventsOf(result: NormalisationResult): CanonicalEvent[] {
  if (result.kind !== 'events') throw new Error(`expected events, got ignored: ${result.reason}`);
  return result.events.map((event) => canonicalEventSchema.parse(event));
}

/** The events of the change itself, without the observation of the issue that travels with it. */
export function changesOf(result: NormalisationResult): CanonicalEvent[] {
  return eventsOf(result).filter((event) => event.type !== 'WorkItemObserved');
}

/** Tests mutate recorded payloads freely to build variants; typing each path would add nothing. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type MutableJson = Record<string, any>;

export function mutableFixture(relativePath: string): MutableJson {
  return jiraFixture(relativePath) as MutableJson;
}

/** Issue 10042 (KAN-42, later OPS-7) as the REST API returns it, with its full changelog. */
export function recordedIssue10042(): { issue: JiraIssue; histories: JiraChangelogHistory[]; catalogue: JiraStatusCatalogue } {
  const search = jiraSearchPageSchema.parse(jiraFixture('rest/search-page-last'));
  const changelog = jiraChangelogPageSchema.parse(jiraFixture('rest/changelog-10042'));
  const catalogue = statusCatalogueOf(
    jiraProjectStatusesSchema.parse(jiraFixture('rest/project-KAN-statuses')),
    jiraProjectStatusesSchema.parse(jiraFixture('rest/project-OPS-statuses')),
  );
  const issue = search.issues[0];
  if (!issue) throw new Error('fixture rest/search-page-last has no issue');
  return { issue, histories: changelog.values, catalogue };
}
