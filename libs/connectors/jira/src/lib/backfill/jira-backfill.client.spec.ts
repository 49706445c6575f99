import { fakeFetch, type FakeCall, type FakeReply } from '../testing/fake-fetch';
import { jiraFixture, recordedIssue10042, testContext } from '../testing/jira-fixtures';
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
    const pages = await collect(backfillClient(fetch).pages());
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
    const pages = await collect(backfillClient(fetch, { countTotal: false }).pages());
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
      return { status: 200, body: [] };
    });
    const [page] = await collect(jiraBackfillEvents(backfillClient(fetch, { countTotal: false }), testContext()));
    expect(page?.failures).toEqual([]);
    expect(page?.events).toEqual(jiraIssueHistoryToEvents(issue, histories, new Map(), testContext()));
    expect(page?.events).toHaveLength(11);
  });
});
