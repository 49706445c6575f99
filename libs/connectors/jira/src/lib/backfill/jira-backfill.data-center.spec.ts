import { fakeFetch, type FakeCall, type FakeReply } from '../testing/fake-fetch';
import { jiraFixture, recordedIssue10042, testContext } from '../testing/jira-fixtures';
import { jiraIssueHistoryToEvents } from './issue-history.normaliser';
import { JiraBackfillClient } from './jira-backfill.client';
import { jiraBackfillEvents } from './jira-backfill.events';
import { JiraRestClient } from './jira-rest.client';

const JQL = 'project in (KAN, PLAT) ORDER BY created ASC';
const PAT = 'NjQ5ODc2NTQzMjE6dc-personal-access-token';
const dc = (name: string) => jiraFixture(`rest/data-center/${name}`);

/** Recorded Data Center answers: two search pages of one issue, 10042's changelog capped at 4 of 6. */
function recordedSite(override?: (call: FakeCall, index: number) => FakeReply | undefined) {
  let index = 0;
  return fakeFetch((call) => {
    const overridden = override?.(call, index++);
    if (overridden) return overridden;
    const path = call.url.pathname;
    if (path === '/jira/rest/api/2/search') {
      return { status: 200, body: dc(Number(call.url.searchParams.get('startAt')) === 0 ? 'search-page-1' : 'search-page-2') };
    }
    const issue = /^\/jira\/rest\/api\/2\/issue\/(\d+)$/.exec(path);
    if (issue?.[1] && call.url.searchParams.get('expand') === 'changelog') return { status: 200, body: dc(`issue-${issue[1]}-expand-changelog`) };
    if (path === '/jira/rest/api/2/issue/10042/changelog' && call.url.searchParams.get('startAt') === '4') return { status: 200, body: dc('changelog-10042-from-4') };
    const versions = /^\/jira\/rest\/api\/2\/project\/([A-Z]+)\/versions$/.exec(path);
    if (versions?.[1]) return { status: 200, body: dc(`project-${versions[1]}-versions`) };
    if (/^\/jira\/rest\/api\/2\/project\/[A-Z]+\/statuses$/.test(path)) return { status: 200, body: jiraFixture('rest/project-KAN-statuses') };
    return { status: 404, body: { errorMessages: [`no route for ${path}`] } };
  });
}

function dataCenterClient(fetch: ReturnType<typeof recordedSite>['fetch'], sleeps: number[] = []) {
  const rest = new JiraRestClient({
    baseUrl: 'https://jira.acme-flow.internal/jira',
    auth: { kind: 'bearer', token: PAT },
    fetch,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    now: () => Date.parse('2024-06-01T12:00:00.000Z'),
  });
  return new JiraBackfillClient(rest, { jql: JQL, site: 'data-center', pageSize: 1 });
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('JiraBackfillClient on Jira Data Center (REST v2)', () => {
  it('pages /rest/api/2/search by startAt with the PAT as bearer, and reports progress against its total', async () => {
    const { fetch, calls } = recordedSite();
    const pages = (await collect(dataCenterClient(fetch).pages())).filter((page) => page.versions.length === 0);
    expect(pages.map((page) => page.issues.map(({ issue }) => issue.key))).toEqual([['OPS-7'], ['PLAT-101']]);
    expect(pages.map((page) => page.progress)).toEqual([
      { issuesDone: 1, pagesDone: 1, total: 2 },
      { issuesDone: 2, pagesDone: 2, total: 2 },
    ]);
    const searches = calls.filter((call) => call.url.pathname.endsWith('/rest/api/2/search'));
    expect(searches.map((call) => call.url.searchParams.get('startAt'))).toEqual(['0', '1']);
    expect(searches.every((call) => call.url.searchParams.get('jql') === JQL && call.url.searchParams.get('fields') === '*all')).toBe(true);
    expect(calls.every((call) => call.headers['Authorization'] === `Bearer ${PAT}`)).toBe(true);
    expect(calls.some((call) => call.url.pathname.includes('/api/3/'))).toBe(false);
  });

  it('reads the changelog with the issue and pages on where the site capped it', async () => {
    const { fetch, calls } = recordedSite();
    const histories = await dataCenterClient(fetch).changelog('10042');
    expect(histories.map((history) => history.id)).toEqual(recordedIssue10042().histories.map((history) => history.id));
    expect(calls.map((call) => `${call.url.pathname}?${call.url.searchParams.toString()}`)).toEqual([
      '/jira/rest/api/2/issue/10042?expand=changelog&fields=created',
      '/jira/rest/api/2/issue/10042/changelog?startAt=4&maxResults=100',
    ]);
  });

  it('waits as told by 429 Retry-After and 503, then carries on', async () => {
    const sleeps: number[] = [];
    const { fetch } = recordedSite((call, index) => {
      if (index === 0) return { status: 429, headers: { 'Retry-After': '3' } };
      if (index === 2 && call.url.pathname.endsWith('/issue/10042')) return { status: 503, headers: { 'Retry-After': 'Sat, 01 Jun 2024 12:00:05 GMT' } };
      return undefined;
    });
    const pages = await collect(dataCenterClient(fetch, sleeps).pages());
    expect(pages.flatMap((page) => page.issues.map(({ issue }) => issue.key))).toEqual(['OPS-7', 'PLAT-101']);
    expect(sleeps).toEqual([3000, 5000]);
  });

  it('resumes from a JSON round-tripped checkpoint at the next offset, asking nothing again', async () => {
    const first = recordedSite();
    const [page1] = await collect(take(dataCenterClient(first.fetch).pages(), 1));
    const checkpoint = JSON.parse(JSON.stringify(page1?.checkpoint)) as unknown;
    expect(checkpoint).toMatchObject({ startAt: 1, issuesDone: 1, total: 2, done: false });
    const second = recordedSite();
    const rest = await collect(dataCenterClient(second.fetch).pages(checkpoint as Parameters<JiraBackfillClient['pages']>[0]));
    expect(rest.flatMap((page) => page.issues.map(({ issue }) => issue.key))).toEqual(['PLAT-101']);
    expect(second.calls.filter((call) => call.url.pathname.endsWith('/search')).map((call) => call.url.searchParams.get('startAt'))).toEqual(['1']);
    expect(second.calls.some((call) => call.url.pathname.includes('/10042'))).toBe(false);
  });

  it('gives the recorded issue the same events, under the same ids, as the Cloud back-fill', async () => {
    const { issue, histories } = recordedIssue10042();
    const { fetch } = recordedSite();
    const pages = await collect(jiraBackfillEvents(dataCenterClient(fetch), testContext()));
    expect(pages.flatMap((page) => page.failures)).toEqual([]);
    const kan42 = pages[0]?.events ?? [];
    const cloud = jiraIssueHistoryToEvents(issue, histories, new Map(), testContext());
    expect(kan42.map((event) => [event.eventId, event.type, event.occurredAt])).toEqual(cloud.map((event) => [event.eventId, event.type, event.occurredAt]));
    expect(pages[1]?.events.map((event) => [event.type, event.itemKey])).toEqual([['WorkItemCreated', 'PLAT-101']]);
  });
});

describe('project versions in the Data Center back-fill', () => {
  const versionIds = (pages: ReadonlyArray<{ versions: ReadonlyArray<{ projectKey: string; version: { id?: string | null } }> }>) =>
    pages.flatMap((page) => page.versions.map(({ projectKey, version }) => `${projectKey}:${version.id}`));

  it('reads each project of the issues, in the order first seen, as one unpaged /versions list', async () => {
    const { fetch, calls } = recordedSite();
    const pages = await collect(dataCenterClient(fetch).pages());
    expect(pages.map((page) => [page.issues.length, page.versions.length])).toEqual([[1, 0], [1, 0], [0, 3], [0, 2]]);
    expect(versionIds(pages)).toEqual(['OPS:10010', 'OPS:10011', 'OPS:10013', 'PLAT:10519', 'PLAT:10520']);
    const versionCalls = calls.filter((call) => call.url.pathname.endsWith('/versions'));
    expect(versionCalls.map((call) => `${call.url.pathname}?${call.url.searchParams.toString()}`)).toEqual([
      '/jira/rest/api/2/project/OPS/versions?',
      '/jira/rest/api/2/project/PLAT/versions?',
    ]);
    expect(versionCalls.every((call) => call.headers['Authorization'] === `Bearer ${PAT}`)).toBe(true);
    expect(pages.at(-1)?.checkpoint).toMatchObject({ done: true, projects: ['OPS', 'PLAT'], versionProjectsDone: 2, versionsDone: 5 });
  });

  it('gives each version a ReleaseUpserted on its project board, with null for a missing release date', async () => {
    const { fetch } = recordedSite();
    const pages = await collect(jiraBackfillEvents(dataCenterClient(fetch), testContext()));
    const releases = pages.flatMap((page) => page.events).filter((event) => event.type === 'ReleaseUpserted');
    expect(releases.map((event) => [event.boardId, event.payload])).toEqual([
      ['OPS', { releaseId: '10010', name: '1.4.0', releaseDate: '2024-02-26', released: true, archived: false }],
      ['OPS', { releaseId: '10011', name: '1.5.0', releaseDate: '2024-03-18', released: false, archived: false }],
      ['OPS', { releaseId: '10013', name: 'Ops backlog', releaseDate: null, released: false, archived: false }],
      ['PLAT', { releaseId: '10519', name: '2024.1', releaseDate: '2024-01-31', released: true, archived: true }],
      ['PLAT', { releaseId: '10520', name: '2024.2', releaseDate: '2024-06-28', released: false, archived: false }],
    ]);
  });

  it('waits out a 429 with Retry-After on a versions list', async () => {
    const sleeps: number[] = [];
    let shed = false;
    const { fetch } = recordedSite((call) => {
      if (shed || !call.url.pathname.endsWith('/PLAT/versions')) return undefined;
      shed = true;
      return { status: 429, headers: { 'Retry-After': '4' } };
    });
    const pages = await collect(dataCenterClient(fetch, sleeps).pages());
    expect(versionIds(pages)).toEqual(['OPS:10010', 'OPS:10011', 'OPS:10013', 'PLAT:10519', 'PLAT:10520']);
    expect(sleeps).toEqual([4000]);
  });

  it('resumes after the issues and the first project: only the next project is read', async () => {
    const first = await collect(dataCenterClient(recordedSite().fetch).pages());
    const afterOps = JSON.parse(JSON.stringify(first[2]?.checkpoint)) as Parameters<JiraBackfillClient['pages']>[0];
    const second = recordedSite();
    const rest = await collect(dataCenterClient(second.fetch).pages(afterOps));
    expect(versionIds(rest)).toEqual(['PLAT:10519', 'PLAT:10520']);
    expect(second.calls.map((call) => call.url.pathname)).toEqual(['/jira/rest/api/2/project/PLAT/versions']);
  });
});

async function* take<T>(iterable: AsyncIterable<T>, n: number): AsyncGenerator<T> {
  if (n <= 0) return;
  let taken = 0;
  for await (const item of iterable) {
    yield item;
    if (++taken >= n) return;
  }
}
