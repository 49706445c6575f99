import { fakeFetch, type FakeCall, type FakeReply } from '../testing/fake-fetch';
import { normaliseJiraWebhook } from '../normalise/jira-webhook.normaliser';
import { eventsOf, jiraFixture, mutableFixture, recordedIssue10042, testContext } from '../testing/jira-fixtures';
import { jiraIssueHistoryToEvents } from './issue-history.normaliser';
import { JiraBackfillClient } from './jira-backfill.client';
import { jiraBackfillEvents } from './jira-backfill.events';
import { JiraRestClient } from './jira-rest.client';

const JQL = 'project = KAN ORDER BY created ASC';
const issueOf = (n: number) => ({
  id: String(10100 + n),
  key: `KAN-${n}`,
  fields: {
    summary: `Issue ${n}`,
    created: '2024-01-02T09:00:00.000+0000',
    project: { id: '10000', key: 'KAN' },
    status: { id: '3', name: 'In Progress', statusCategory: { key: 'indeterminate' } },
    duedate: n === 4 ? 'whenever' : null,
  },
});
const historyOf = (issueId: string, n: number) => ({
  id: `${issueId}${String(n).padStart(3, '0')}`,
  created: `2024-01-03T09:00:0${n}.000+0000`,
  items: [{ field: 'summary', fieldtype: 'jira', fieldId: 'summary', from: null, fromString: `v${n}`, to: null, toString: `v${n + 1}` }],
});

/** Five issues in pages of two; issue KAN-2 has five histories, served two at a time. */
function fakeJira(route?: (call: FakeCall) => FakeReply | undefined) {
  const issues = [1, 2, 3, 4, 5].map(issueOf);
  return fakeFetch((call) => {
    const overridden = route?.(call);
    if (overridden) return overridden;
    const path = call.url.pathname;
    if (path === '/rest/api/3/search/approximate-count') return { status: 200, body: { count: issues.length } };
    if (path === '/rest/api/3/search/jql') {
      const offset = Number(call.url.searchParams.get('nextPageToken') ?? '0');
      const size = Math.min(2, Number(call.url.searchParams.get('maxResults')));
      const next = offset + size;
      const isLast = next >= issues.length;
      return { status: 200, body: { issues: issues.slice(offset, next), ...(isLast ? {} : { nextPageToken: String(next) }), isLast } };
    }
    const changelog = /^\/rest\/api\/3\/issue\/(\d+)\/changelog$/.exec(path);
    if (changelog?.[1]) {
      const all = changelog[1] === '10102' ? [0, 1, 2, 3, 4].map((n) => historyOf('10102', n)) : [];
      const startAt = Number(call.url.searchParams.get('startAt'));
      const values = all.slice(startAt, startAt + 2);
      return { status: 200, body: { startAt, maxResults: 2, total: all.length, isLast: startAt + values.length >= all.length, values } };
    }
    if (path === '/rest/api/3/project/KAN/version') {
      // Jira answers fewer than asked: the recorded pages hold two versions each.
      return { status: 200, body: jiraFixture(Number(call.url.searchParams.get('startAt')) < 2 ? 'rest/project-KAN-versions-page-1' : 'rest/project-KAN-versions-page-2') };
    }
    if (path === '/rest/api/3/project/KAN/statuses') {
      return { status: 200, body: [{ id: '10001', name: 'Story', statuses: [{ id: '3', name: 'In Progress', statusCategory: { key: 'indeterminate' } }] }] };
    }
    return { status: 404, body: { errorMessages: ['not found'] } };
  });
}

function backfillClient(fetch: ReturnType<typeof fakeJira>['fetch'], options = {}) {
  const rest = new JiraRestClient({ baseUrl: 'https://acme-flow.atlassian.net', auth: { kind: 'bearer', token: 't' }, fetch, sleep: async () => undefined });
  return new JiraBackfillClient(rest, { jql: JQL, pageSize: 50, ...options });
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('JiraBackfillClient', () => {
  it('pages issues by nextPageToken until isLast and reports progress against the approximate count', async () => {
    const { fetch, calls } = fakeJira();
    const pages = (await collect(backfillClient(fetch).pages())).filter((page) => page.versions.length === 0);
    expect(pages.map((page) => page.issues.map(({ issue }) => issue.key))).toEqual([['KAN-1', 'KAN-2'], ['KAN-3', 'KAN-4'], ['KAN-5']]);
    expect(pages.map((page) => page.progress)).toEqual([
      { issuesDone: 2, pagesDone: 1, total: 5 },
      { issuesDone: 4, pagesDone: 2, total: 5 },
      { issuesDone: 5, pagesDone: 3, total: 5 },
    ]);
    expect(pages.at(-1)?.checkpoint.done).toBe(true);
    const searches = calls.filter((call) => call.url.pathname.endsWith('/search/jql'));
    expect(searches.map((call) => call.url.searchParams.get('nextPageToken'))).toEqual([null, '2', '4']);
    expect(searches.every((call) => call.url.searchParams.get('fields') === '*all' && call.url.searchParams.get('jql') === JQL)).toBe(true);
  });

  it('reads every changelog page of an issue, oldest first', async () => {
    const { fetch, calls } = fakeJira();
    const histories = await backfillClient(fetch).changelog('10102');
    expect(histories.map((history) => history.id)).toEqual(['10102000', '10102001', '10102002', '10102003', '10102004']);
    const startAts = calls.filter((call) => call.url.pathname.includes('/issue/10102/')).map((call) => call.url.searchParams.get('startAt'));
    expect(startAts).toEqual(['0', '2', '4']);
  });

  it('resumes from a JSON round-tripped checkpoint without repeating issues', async () => {
    const first = fakeJira();
    const client = backfillClient(first.fetch);
    let checkpoint;
    for await (const page of client.pages()) {
      checkpoint = JSON.parse(JSON.stringify(page.checkpoint));
      break;
    }
    const second = fakeJira();
    const rest = await collect(backfillClient(second.fetch).pages(checkpoint));
    expect(rest.flatMap((page) => page.issues.map(({ issue }) => issue.key))).toEqual(['KAN-3', 'KAN-4', 'KAN-5']);
    expect(rest.at(-1)?.progress).toEqual({ issuesDone: 5, pagesDone: 3, total: 5 });
    expect(second.calls.some((call) => call.url.pathname.endsWith('approximate-count'))).toBe(false);
    expect(await collect(backfillClient(second.fetch).pages(rest.at(-1)?.checkpoint))).toEqual([]);
  });

  it('refuses a checkpoint of another query or a malformed one', async () => {
    const { fetch } = fakeJira();
    const other = { version: 1, jql: 'project = OPS', nextPageToken: '2', issuesDone: 2, pagesDone: 1, total: null, done: false } as const;
    await expect(collect(backfillClient(fetch).pages(other))).rejects.toMatchObject({ name: 'JiraCheckpointError', message: expect.stringMatching(/checkpoint belongs to JQL/) });
    const garbage = { version: 2 } as unknown as typeof other;
    await expect(collect(backfillClient(fetch).pages(garbage))).rejects.toMatchObject({ name: 'JiraCheckpointError' });
  });

  it('stops when the last page carries no token even if isLast is missing, and skips the count when asked', async () => {
    const { fetch, calls } = fakeJira((call) =>
      call.url.pathname.endsWith('/search/jql') ? { status: 200, body: { issues: [issueOf(9)] } } : undefined,
    );
    const pages = (await collect(backfillClient(fetch, { countTotal: false }).pages())).filter((page) => page.issues.length > 0);
    expect(pages).toHaveLength(1);
    expect(pages[0]?.progress.total).toBeNull();
    expect(calls.some((call) => call.url.pathname.endsWith('approximate-count'))).toBe(false);
  });

  it('fetches a project status catalogue once', async () => {
    const { fetch, calls } = fakeJira();
    const client = backfillClient(fetch);
    const [a, b] = await Promise.all([client.statusCatalogue('KAN'), client.statusCatalogue('KAN')]);
    expect(a.get('3')).toEqual({ name: 'In Progress', category: 'in_progress' });
    expect(b).toBe(a);
    expect(calls.filter((call) => call.url.pathname.endsWith('/statuses'))).toHaveLength(1);
  });
});

describe('jiraBackfillEvents', () => {
  it('turns pages into events, collecting issues that cannot be normalised', async () => {
    const { fetch } = fakeJira();
    const pages = await collect(jiraBackfillEvents(backfillClient(fetch), testContext()));
    const events = pages.flatMap((page) => page.events);
    expect(events.filter((event) => event.type === 'WorkItemCreated').map((event) => event.itemKey)).toEqual(['KAN-1', 'KAN-2', 'KAN-3', 'KAN-5']);
    expect(events.filter((event) => event.type === 'WorkItemUpdated')).toHaveLength(5);
    expect(pages.flatMap((page) => page.failures)).toEqual([{ issueId: '10104', issueKey: 'KAN-4', reason: 'not a date: whenever' }]);
    expect(pages.at(-1)?.checkpoint.done).toBe(true);
  });

  it('gives the recorded issue the same events as the standalone history normaliser', async () => {
    const { issue, histories } = recordedIssue10042();
    const search = jiraFixture('rest/search-page-last');
    const changelog = jiraFixture('rest/changelog-10042');
    const { fetch } = fakeFetch((call) => {
      if (call.url.pathname.endsWith('/search/jql')) return { status: 200, body: search };
      if (call.url.pathname.endsWith('/changelog')) return { status: 200, body: changelog };
      if (call.url.pathname.endsWith('/version')) return { status: 200, body: { startAt: 0, maxResults: 50, total: 0, isLast: true, values: [] } };
      return { status: 200, body: [] };
    });
    const [page] = await collect(jiraBackfillEvents(backfillClient(fetch, { countTotal: false }), testContext()));
    expect(page?.failures).toEqual([]);
    expect(page?.events).toEqual(jiraIssueHistoryToEvents(issue, histories, new Map(), testContext()));
    expect(page?.events).toHaveLength(11);
  });
});

describe('project versions in the Cloud back-fill', () => {
  const versionPages = (pages: ReadonlyArray<{ versions: ReadonlyArray<{ projectKey: string; version: { id?: string | null } }> }>) =>
    pages.filter((page) => page.versions.length > 0).map((page) => page.versions.map(({ projectKey, version }) => `${projectKey}:${version.id}`));
  const versionCalls = (calls: readonly FakeCall[]) => calls.filter((call) => call.url.pathname.endsWith('/project/KAN/version'));

  it('reads the versions of the issues project after the issues, paging by startAt until isLast', async () => {
    const { fetch, calls } = fakeJira();
    const pages = await collect(backfillClient(fetch).pages());
    expect(pages.map((page) => [page.issues.length, page.versions.length])).toEqual([[2, 0], [2, 0], [1, 0], [0, 2], [0, 2]]);
    expect(versionPages(pages)).toEqual([['KAN:10009', 'KAN:10010'], ['KAN:10011', 'KAN:10012']]);
    expect(versionCalls(calls).map((call) => [call.url.searchParams.get('startAt'), call.url.searchParams.get('maxResults')])).toEqual([['0', '50'], ['2', '50']]);
    expect(calls.indexOf(versionCalls(calls)[0] as FakeCall)).toBeGreaterThan(calls.findLastIndex((call) => call.url.pathname.endsWith('/search/jql')));
    expect(pages.map((page) => [page.checkpoint.versionProjectsDone, page.checkpoint.versionsStartAt, page.checkpoint.versionsDone]).slice(2)).toEqual([[0, 0, 0], [0, 2, 2], [1, 0, 4]]);
    expect(pages.at(-1)?.checkpoint).toMatchObject({ done: true, projects: ['KAN'], issuesDone: 5, pagesDone: 3 });
    expect(pages.at(-1)?.progress).toEqual({ issuesDone: 5, pagesDone: 3, total: 5 });
  });

  it('waits as a 429 on a versions page tells it with Retry-After, then carries on', async () => {
    let shed = false;
    const sleeps: number[] = [];
    const { fetch, calls } = fakeJira((call) => {
      if (shed || !call.url.pathname.endsWith('/version') || call.url.searchParams.get('startAt') !== '2') return undefined;
      shed = true;
      return { status: 429, headers: { 'Retry-After': '7' }, body: { errorMessages: ['Rate limit exceeded.'] } };
    });
    const rest = new JiraRestClient({ baseUrl: 'https://acme-flow.atlassian.net', auth: { kind: 'bearer', token: 't' }, fetch, sleep: async (ms) => void sleeps.push(ms) });
    const pages = await collect(new JiraBackfillClient(rest, { jql: JQL }).pages());
    expect(versionPages(pages)).toEqual([['KAN:10009', 'KAN:10010'], ['KAN:10011', 'KAN:10012']]);
    expect(sleeps).toEqual([7000]);
    expect(versionCalls(calls).map((call) => call.url.searchParams.get('startAt'))).toEqual(['0', '2', '2']);
  });

  it('resumes from a checkpoint taken after the issues were done: only the versions are read', async () => {
    const first = await collect(backfillClient(fakeJira().fetch).pages());
    const afterIssues = JSON.parse(JSON.stringify(first[2]?.checkpoint)) as unknown;
    expect(afterIssues).toMatchObject({ done: true, projects: ['KAN'], versionProjectsDone: 0 });
    const second = fakeJira();
    const resumed = await collect(backfillClient(second.fetch).pages(afterIssues as Parameters<JiraBackfillClient['pages']>[0]));
    expect(resumed.flatMap((page) => page.issues)).toEqual([]);
    expect(versionPages(resumed)).toEqual([['KAN:10009', 'KAN:10010'], ['KAN:10011', 'KAN:10012']]);
    expect(second.calls.map((call) => call.url.pathname)).toEqual(['/rest/api/3/project/KAN/version', '/rest/api/3/project/KAN/version']);

    const midVersions = JSON.parse(JSON.stringify(first[3]?.checkpoint)) as unknown;
    const third = fakeJira();
    const rest = await collect(backfillClient(third.fetch).pages(midVersions as Parameters<JiraBackfillClient['pages']>[0]));
    expect(versionPages(rest)).toEqual([['KAN:10011', 'KAN:10012']]);
    expect(third.calls.map((call) => call.url.searchParams.get('startAt'))).toEqual(['2']);
  });

  it('accepts a checkpoint stored before versions were read, and a finished one fetches nothing', async () => {
    const { fetch, calls } = fakeJira();
    const legacy = { version: 1, jql: JQL, nextPageToken: null, startAt: 0, issuesDone: 5, pagesDone: 3, total: 5, done: true } as const;
    expect(await collect(backfillClient(fetch).pages(legacy))).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('gives each version one ReleaseUpserted on the project board, dated or not, archived or not', async () => {
    const ctx = testContext();
    const pages = await collect(jiraBackfillEvents(backfillClient(fakeJira().fetch), ctx));
    const releases = pages.flatMap((page) => page.events).filter((event) => event.type === 'ReleaseUpserted');
    expect(releases.map((event) => [event.boardId, event.occurredAt, event.sourceEventId, event.itemId])).toEqual(
      ['10009', '10010', '10011', '10012'].map((id) => ['KAN', ctx.receivedAt, `version:${id}:backfill`, null]),
    );
    expect(releases.map((event) => event.payload)).toEqual([
      { releaseId: '10009', name: '1.3.0', releaseDate: '2023-12-18', released: true, archived: true },
      { releaseId: '10010', name: '1.4.0', releaseDate: '2024-02-26', released: true, archived: false },
      { releaseId: '10011', name: '1.5.0', releaseDate: '2024-03-18', released: false, archived: false },
      { releaseId: '10012', name: '2.0.0', releaseDate: null, released: false, archived: false },
    ]);
    expect(new Set(releases.map((event) => event.eventId)).size).toBe(4);
    const again = (await collect(jiraBackfillEvents(backfillClient(fakeJira().fetch), ctx))).flatMap((page) => page.events).filter((event) => event.type === 'ReleaseUpserted');
    expect(again.map((event) => event.eventId)).toEqual(releases.map((event) => event.eventId));
  });

  it('builds the event as the version webhook does: same payload, and the same id for the same observation instant', async () => {
    const ctx = testContext();
    const pages = await collect(jiraBackfillEvents(backfillClient(fakeJira().fetch), ctx));
    const backfilled = pages.flatMap((page) => page.events).find((event) => event.type === 'ReleaseUpserted' && event.payload.releaseId === '10011');
    const body = mutableFixture('webhooks/cloud/version-updated');
    const [live] = eventsOf(normaliseJiraWebhook(body, ctx));
    expect(live?.payload).toEqual(backfilled?.payload);
    // Jira's REST answer has no change time, so the back-fill observes at its receivedAt.
    expect(live?.eventId).not.toBe(backfilled?.eventId);
    body['timestamp'] = Date.parse(ctx.receivedAt);
    body['version'].projectKey = 'KAN';
    const [sameInstant] = eventsOf(normaliseJiraWebhook(body, ctx));
    expect({ ...sameInstant, sourceEventId: null }).toEqual({ ...backfilled, sourceEventId: null });
  });

  it('reports a version it cannot represent as a failure and keeps the others', async () => {
    const { fetch } = fakeJira((call) => {
      if (!call.url.pathname.endsWith('/version')) return undefined;
      return { status: 200, body: { startAt: 0, maxResults: 50, total: 2, isLast: true, values: [{ id: '10020', name: '3.0', releaseDate: 'next spring' }, { id: '10021', name: '3.1' }] } };
    });
    const pages = await collect(jiraBackfillEvents(backfillClient(fetch), testContext()));
    expect(pages.at(-1)?.events.map((event) => event.payload)).toEqual([{ releaseId: '10021', name: '3.1', releaseDate: null, released: false, archived: false }]);
    expect(pages.at(-1)?.failures).toEqual([{ issueId: '10020', issueKey: 'KAN version 3.0', reason: 'not a date: next spring' }]);
  });
});
