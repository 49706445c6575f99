import { canonicalEventSchema, type NormalisationContext } from '@flowlens/contracts';
import {
  JiraBackfillClient,
  JiraRestClient,
  jiraBackfillEvents,
  type JiraBackfillCheckpoint,
  type JiraBackfillIssue,
} from '@flowlens/connector-jira';
import { startJiraReplayServer, throttleEvery, type JiraReplayServer, type ThrottleRule } from './jira-replay-server';
import { generateRecordedProject } from './recorded-project';

const JQL = 'project = FLOW ORDER BY created ASC';
const AUTH = `Basic ${Buffer.from('flowlens-bot@flowlens.io:ATATT3xFfGF0replayToken').toString('base64')}`;
const project = generateRecordedProject();
const ctx: NormalisationContext = { workspaceId: 'ws-replay', connectorId: 'conn-jira', receivedAt: '2025-01-01T00:00:00.000Z', settings: {} };

let server: JiraReplayServer;
const sleeps: number[] = [];

async function start(throttle?: ThrottleRule): Promise<void> {
  server = await startJiraReplayServer({ project, throttle, expectedAuthorization: AUTH });
}

function client(): JiraBackfillClient {
  const rest = new JiraRestClient({
    baseUrl: server.baseUrl,
    auth: { kind: 'basic', email: 'flowlens-bot@flowlens.io', apiToken: 'ATATT3xFfGF0replayToken' },
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
  return new JiraBackfillClient(rest, { jql: JQL, pageSize: 100, concurrency: 6 });
}

afterEach(async () => {
  sleeps.length = 0;
  await server.stop();
});

describe('Jira back-fill against the replay server', () => {
  it('fetches all 1,200 issues and every history, paging changelogs and honouring 429 and 503 Retry-After', async () => {
    const shed: ThrottleRule = (request, index) => throttleEvery(41, 429, '2')(request, index) ?? throttleEvery(97, 503, '1')(request, index);
    await start(shed);
    const issues: JiraBackfillIssue[] = [];
    const progress: Array<number | null> = [];
    const versions: string[] = [];
    for await (const page of client().pages()) {
      versions.push(...page.versions.map(({ projectKey, version }) => `${projectKey}:${version.id}`));
      if (page.issues.length === 0) continue;
      issues.push(...page.issues);
      progress.push(page.progress.issuesDone);
      expect(page.progress.total).toBe(1200);
    }
    expect(issues.map(({ issue }) => issue.id)).toEqual(project.issues.map((r) => r.issue.id));
    for (const [index, { histories }] of issues.entries()) {
      expect(histories.map((h) => h.id)).toEqual(project.issues[index]?.histories.map((h) => h.id));
    }
    expect(progress).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100, 1200]);
    expect(versions).toEqual(project.versions.map((v) => `FLOW:${String(v['id'])}`));

    const changelogPages = server.requests.filter((r) => r.path.endsWith('/changelog') && r.status === 200);
    expect(changelogPages.some((r) => r.query['startAt'] === '200')).toBe(true);
    expect(server.throttled()).toBeGreaterThan(20);
    expect(sleeps).toHaveLength(server.throttled());
    const sheddingStatuses = server.requests.filter((r) => r.status === 429 || r.status === 503).map((r) => (r.status === 429 ? 2000 : 1000));
    // Changelogs are fetched in parallel, so sleeps may be recorded in a different order.
    expect([...sleeps].sort()).toEqual([...sheddingStatuses].sort());
    expect(server.requests.every((r) => r.authorization === AUTH)).toBe(true);
  });

  it('resumes from a stored checkpoint with the rest of the issues and no duplicates', async () => {
    await start();
    const firstRun: string[] = [];
    let stored = '';
    for await (const page of client().pages()) {
      firstRun.push(...page.issues.map(({ issue }) => issue.id));
      stored = JSON.stringify(page.checkpoint);
      if (page.progress.pagesDone === 5) break;
    }
    const requestsBefore = server.requests.length;
    const checkpoint = JSON.parse(stored) as JiraBackfillCheckpoint;
    const secondRun: string[] = [];
    for await (const page of client().pages(checkpoint)) secondRun.push(...page.issues.map(({ issue }) => issue.id));

    expect(firstRun).toHaveLength(500);
    expect(secondRun).toHaveLength(700);
    expect(new Set([...firstRun, ...secondRun]).size).toBe(1200);
    const resumedSearches = server.requests.slice(requestsBefore).filter((r) => r.path.endsWith('/search/jql'));
    expect(resumedSearches[0]?.query['nextPageToken']).toBe(checkpoint.nextPageToken);
    expect(resumedSearches).toHaveLength(7);
    expect(server.requests.slice(requestsBefore).some((r) => r.path.endsWith('approximate-count'))).toBe(false);
  });

  it('turns the whole recording into contract-valid events with unique ids and faithful creations', async () => {
    await start(throttleEvery(53, 429, '1'));
    const byId = new Map(project.issues.map((r) => [r.issue.id, r.expectedCreation]));
    const ids = new Set<string>();
    const invalid: string[] = [];
    const mismatched: string[] = [];
    let events = 0;
    let created = 0;
    for await (const page of jiraBackfillEvents(client(), ctx)) {
      expect(page.failures).toEqual([]);
      for (const event of page.events) {
        events += 1;
        ids.add(event.eventId);
        if (!canonicalEventSchema.safeParse(event).success) invalid.push(event.eventId);
        if (event.type !== 'WorkItemCreated' || event.itemId === null) continue;
        created += 1;
        const expected = byId.get(event.itemId);
        const actual = [event.itemKey, event.occurredAt, event.payload.status.id, event.payload.fields.title];
        if (JSON.stringify(actual) !== JSON.stringify([expected?.key, expected?.occurredAt, expected?.status.id, expected?.fields.title])) {
          mismatched.push(event.itemId);
        }
      }
    }
    expect(invalid).toEqual([]);
    expect(mismatched).toEqual([]);
    expect(ids.size).toBe(events);
    expect(created).toBe(1200);
    expect(server.requests.filter((r) => r.path.endsWith('/statuses') && r.status === 200)).toHaveLength(1);
  });
});
