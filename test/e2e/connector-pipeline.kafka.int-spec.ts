import { TOPICS } from '@flowlens/contracts';
import { ApiClient, eventually } from '@flowlens/testing';
import { issueCreated, issueTransitioned } from '../support/jira-webhooks';
import { genericFixture, jiraCloud, jiraDataCenter, kan42ToDone, trelloCardMoved, trelloWebhook, withRankChange } from '../support/pipeline/delivery-fixtures';
import { KafkaPipeline } from '../support/pipeline/kafka-pipeline';
import { LogTopicReader } from '../support/pipeline/log-topic.reader';
import { WebhookSender } from '../support/pipeline/webhook-sender';

const JIRA_SECRET = 'jira-cloud-webhook-secret-7f3a';
const DC_SECRET = 'jira-dc-webhook-secret-19c2';
const TRELLO_SECRET = 'a3f9c1e07b5d42e8916f0c2ab7d4e5f60918273645abcdef0123456789abcdef';
const GENERIC_SECRET = 'generic-tool-secret-55d1';
const DC_SETTINGS = { storyPointsField: 'customfield_10106', sprintField: 'customfield_10104', flaggedField: 'customfield_10105' };
const DAY = 86_400_000;

type Item = Record<string, unknown>;
type Throughput = { total: number; series: Array<{ start: string; count: number }> };
type RawRecord = { deliveryId: string; workspaceId: string; outcome: string; note: string | null; eventIds: string[] };

const itemOf = (client: ApiClient, key: string) => client.get<Item>(`/api/v1/items/${encodeURIComponent(key)}`);
const throughput = (client: ApiClient, from: string, to: string, interval = 'week') =>
  client.get<Throughput>(`/api/v1/metrics/throughput?interval=${interval}&from=${from}&to=${to}`);

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe('connectors through the real pipeline (gateway -> Kafka -> projector -> ClickHouse -> API)', () => {
  let pipeline: KafkaPipeline;
  let send: WebhookSender;
  let raw: LogTopicReader<RawRecord>;

  beforeAll(async () => {
    pipeline = await KafkaPipeline.start();
    send = new WebhookSender(pipeline.gateway.url);
    raw = new LogTopicReader<RawRecord>(pipeline.topicPrefix, TOPICS.rawWebhooks);
    await raw.start();
  }, 300_000);

  afterAll(async () => {
    await raw?.stop();
    await pipeline?.stop();
  });

  it('takes Jira Cloud deliveries to the right item states and throughput', async () => {
    const { client, connector } = await pipeline.workspace({ type: 'jira', secret: JIRA_SECRET });
    const start = Date.parse('2024-02-05T09:00:00.000Z');
    const deliveries = [
      jiraCloud('issue-created'),
      jiraCloud('issue-updated-status'),
      jiraCloud('issue-updated-fields'),
      jiraCloud('issue-updated-unblocked'),
      jiraCloud('issue-updated-moved'),
      jiraCloud('issue-created-flagged'),
      ...[1, 2, 3].flatMap((n) => [
        issueCreated(n, start + n * DAY),
        issueTransitioned(n, start + (n + 1) * DAY, 'To Do', 'In Progress', 60_000 + n * 10),
        issueTransitioned(n, start + (n + 4) * DAY, 'In Progress', 'Done', 60_001 + n * 10),
      ]),
    ];
    for (const payload of deliveries) {
      const answer = await send.jira(connector.webhookPath, payload, JIRA_SECRET);
      expect(answer.status).toBe(202);
      expect(answer.body.accepted).toBeGreaterThan(0);
    }
    await pipeline.caughtUp();

    // KAN-42 was moved to OPS-7 (and to Backlog) by its last changelog; its id still finds it.
    expect((await itemOf(client, 'OPS-7')).body).toMatchObject({ itemKey: 'OPS-7', status: 'Backlog', boardId: 'OPS' });
    expect((await itemOf(client, '10042')).body).toMatchObject({ itemKey: 'OPS-7' });
    expect((await itemOf(client, 'KAN-43')).body).toMatchObject({ status: 'In Progress', blocked: true });
    expect((await itemOf(client, 'KAN-2')).body).toMatchObject({ status: 'Done', stageCategory: 'done', doneAt: new Date(start + 6 * DAY).toISOString() });
    const figures = await throughput(client, '2024-01-01', '2024-03-31', 'day');
    expect(figures.body.total).toBe(3);
    expect(figures.body.series.filter((b) => b.count > 0)).toEqual([5, 6, 7].map((d) => ({ start: new Date(start + d * DAY).toISOString().slice(0, 10), count: 1 })));

    expect((await send.jira(connector.webhookPath, jiraCloud('issue-deleted'), JIRA_SECRET)).body).toMatchObject({ accepted: 1 });
    await pipeline.caughtUp();
    expect((await itemOf(client, 'KAN-43')).status).toBe(404);
  });

  it('takes Jira Data Center deliveries (own custom field ids, +0100 offsets) to the right item state', async () => {
    const { client, connector } = await pipeline.workspace({ type: 'jira', secret: DC_SECRET, settings: DC_SETTINGS });
    for (const name of ['project-created', 'sprint-started', 'issue-created', 'issue-updated-status']) {
      const answer = await send.jira(connector.webhookPath, jiraDataCenter(name), DC_SECRET);
      expect({ name, status: answer.status, accepted: answer.body.accepted > 0 }).toEqual({ name, status: 202, accepted: true });
    }
    await pipeline.caughtUp();
    const item = await itemOf(client, 'PLAT-101');
    expect(item.body).toMatchObject({ itemKey: 'PLAT-101', status: 'In Development', boardId: 'PLAT', createdAt: '2024-02-05T08:12:33.000Z' });
    expect(item.body['assignee']).toMatchObject({ name: 'Lena Weber' });

    await send.jira(connector.webhookPath, jiraDataCenter('issue-deleted'), DC_SECRET);
    await pipeline.caughtUp();
    expect((await itemOf(client, 'PLAT-101')).status).toBe(404);
  });

  it('answers Trello HEAD checks and takes signed Trello deliveries checked against the configured callback URL', async () => {
    const callbackUrl = 'https://flowlens.example.com/hooks/trello/platform-delivery?via=proxy';
    const { client, connector } = await pipeline.workspace({ type: 'trello', secret: TRELLO_SECRET, callbackUrl });
    expect((await fetch(`${pipeline.gateway.url}${connector.webhookPath}`, { method: 'HEAD' })).status).toBe(200);
    expect((await fetch(`${pipeline.gateway.url}/webhooks/trello/00000000-0000-4000-8000-000000000000`, { method: 'HEAD' })).status).toBe(404);

    // Signed over the URL the request reached instead of the registered one: rejected.
    const reached = `${pipeline.gateway.url}${connector.webhookPath}`;
    expect((await send.trello(connector.webhookPath, trelloWebhook('create-card'), TRELLO_SECRET, reached)).status).toBe(401);

    const deliveries = [
      trelloWebhook('create-card'),
      trelloWebhook('update-card-renamed'),
      trelloWebhook('update-card-moved-list'),
      trelloWebhook('add-member-to-card'),
      trelloWebhook('add-label-blocked'),
    ];
    for (const payload of deliveries) expect((await send.trello(connector.webhookPath, payload, TRELLO_SECRET, callbackUrl)).body.accepted).toBeGreaterThan(0);
    await pipeline.caughtUp();
    expect((await itemOf(client, 'aB3dE5fG')).body).toMatchObject({ itemKey: 'aB3dE5fG', status: 'In Progress', blocked: true, boardId: '651a7880c4d5e6f708192a3b' });

    for (const payload of [trelloWebhook('remove-label-blocked'), trelloCardMoved('In Progress', 'Done', '2024-03-15T16:20:00.000Z', '65f475b00aa1b2c3d4e5f601')]) {
      expect((await send.trello(connector.webhookPath, payload, TRELLO_SECRET, callbackUrl)).body.accepted).toBeGreaterThan(0);
    }
    await pipeline.caughtUp();
    expect((await itemOf(client, 'aB3dE5fG')).body).toMatchObject({ status: 'Done', blocked: false, doneAt: '2024-03-15T16:20:00.000Z' });
    expect((await throughput(client, '2024-03-01', '2024-03-31')).body.total).toBe(1);
  });

  it('takes generic deliveries (one event or a batch) to the right item state', async () => {
    const { client, connector } = await pipeline.workspace({ type: 'generic', secret: GENERIC_SECRET });
    const batch = await send.generic(connector.webhookPath, genericFixture('batch-lifecycle'), GENERIC_SECRET);
    expect(batch.body).toEqual({ accepted: 11, duplicates: 0 });
    for (const name of ['single-created', 'status-changed-offset']) {
      expect((await send.generic(connector.webhookPath, genericFixture(name), GENERIC_SECRET)).status).toBe(202);
    }
    await pipeline.caughtUp();
    expect((await itemOf(client, 'PLAT-12')).body).toMatchObject({ status: 'Shipped', stageCategory: 'done', doneAt: '2024-03-13T08:00:00.000Z' });
    expect((await itemOf(client, 'iss_8f2c91')).body).toMatchObject({ itemKey: 'PLAT-12' });
    expect((await throughput(client, '2024-03-01', '2024-03-31')).body.total).toBe(1);
  });

  it('gives the same figures for deliveries in order, shuffled, and with Jira retries (same X-Atlassian-Webhook-Identifier)', async () => {
    const start = Date.parse('2024-05-06T08:00:00.000Z');
    type Delivery = { id: string; payload: object };
    const deliveries: Delivery[] = [];
    for (let n = 1; n <= 10; n++) {
      const t = start + n * DAY;
      const steps: object[] = [issueCreated(n, t, { project: 'DUP' }), issueTransitioned(n, t + DAY, 'To Do', 'In Progress', 70_000 + n * 10, { project: 'DUP' })];
      if (n % 4 === 0) steps.push(issueTransitioned(n, t + 2 * DAY, 'In Progress', 'To Do', 70_001 + n * 10, { project: 'DUP' }), issueTransitioned(n, t + 3 * DAY, 'To Do', 'In Progress', 70_002 + n * 10, { project: 'DUP' }));
      if (n <= 7) steps.push(issueTransitioned(n, t + (4 + (n % 3)) * DAY, 'In Progress', 'Done', 70_003 + n * 10, { project: 'DUP' }));
      steps.forEach((payload, i) => deliveries.push({ id: `dup-${n}-${i}`, payload }));
    }
    const retried = shuffled([...deliveries, ...deliveries.map((d) => ({ ...d, retry: true }))], 7) as Array<Delivery & { retry?: boolean }>;
    const runs = [
      { name: 'in order', sequence: deliveries as Array<Delivery & { retry?: boolean }> },
      { name: 'shuffled', sequence: shuffled(deliveries, 42) as Array<Delivery & { retry?: boolean }> },
      { name: 'with retries', sequence: retried },
    ];
    const results: Array<{ name: string; accepted: number; duplicates: number; client: ApiClient }> = [];
    for (const run of runs) {
      const { client, connector } = await pipeline.workspace({ type: 'jira', secret: JIRA_SECRET });
      let accepted = 0;
      let duplicates = 0;
      for (const d of run.sequence) {
        const answer = await send.jira(connector.webhookPath, d.payload, JIRA_SECRET, d.id, d.retry ? { 'x-atlassian-webhook-retry': '1' } : {});
        expect(answer.status).toBe(202);
        accepted += answer.body.accepted;
        duplicates += answer.body.duplicates;
      }
      results.push({ name: run.name, accepted, duplicates, client });
    }
    // A creation is one event; a transition is its status change plus the observation of the issue.
    const events = deliveries.length * 2 - 10;
    expect(results.map((r) => [r.name, r.accepted, r.duplicates])).toEqual([
      ['in order', events, 0],
      ['shuffled', events, 0],
      ['with retries', events, events],
    ]);
    await pipeline.caughtUp();

    const figures = await Promise.all(
      results.map(async ({ client }) => ({
        weekly: (await throughput(client, '2024-05-01', '2024-06-30')).body,
        daily: (await throughput(client, '2024-05-01', '2024-06-30', 'day')).body,
        items: await Promise.all(Array.from({ length: 10 }, async (_, i) => (await itemOf(client, `DUP-${i + 1}`)).body)),
      })),
    );
    expect(figures[0]?.weekly.total).toBe(7);
    expect(figures[0]?.items.filter((item) => item['status'] === 'Done')).toHaveLength(7);
    expect(figures[1]).toEqual(figures[0]);
    expect(figures[2]).toEqual(figures[0]);
  });

  it('answers 202 to a valid but irrelevant delivery and records it as ignored, with no figure changed', async () => {
    const { client, connector } = await pipeline.workspace({ type: 'jira', secret: JIRA_SECRET });
    const eventsBefore = await pipeline.probe.offsets(TOPICS.workItemEvents);
    const ids = { comment: 'ign-comment-5c1e', worklog: 'ign-worklog-9a7d' };
    const answers = [
      await send.jira(connector.webhookPath, jiraCloud('comment-created'), JIRA_SECRET, ids.comment),
      await send.jira(connector.webhookPath, jiraCloud('worklog-created'), JIRA_SECRET, ids.worklog),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(202);
      expect(answer.body).toMatchObject({ accepted: 0, duplicates: 0, ignored: expect.any(String) });
    }
    const records = await raw.until((rs) => Object.values(ids).every((id) => rs.some((r) => r.deliveryId === id)), 'ignored deliveries in the raw topic');
    for (const [i, id] of Object.values(ids).entries()) {
      expect(records.find((r) => r.deliveryId === id)).toMatchObject({ outcome: 'ignored', note: answers[i]?.body.ignored, eventIds: [] });
    }
    expect(await pipeline.probe.offsets(TOPICS.workItemEvents)).toBe(eventsBefore);
    expect((await itemOf(client, 'KAN-42')).status).toBe(404);
    expect((await throughput(client, '2024-01-01', '2024-03-31')).body.total).toBe(0);
  });

  it('makes an issue first seen through a comment known in its current state, and its later changes count', async () => {
    const { client, connector } = await pipeline.workspace({ type: 'jira', secret: JIRA_SECRET });
    const comment = await send.jira(connector.webhookPath, jiraCloud('issue-updated-comment'), JIRA_SECRET, 'mid-comment-1');
    expect(comment.body).toMatchObject({ accepted: 1, duplicates: 0 });
    // Jira retries the same delivery: nothing is counted twice.
    expect((await send.jira(connector.webhookPath, jiraCloud('issue-updated-comment'), JIRA_SECRET, 'mid-comment-1')).body).toMatchObject({ accepted: 0 });
    await pipeline.caughtUp();
    const seen = await eventually(() => itemOf(client, 'KAN-42'), (r) => r.status === 200, { what: 'KAN-42 known from a comment' });
    expect(seen.body).toMatchObject({ itemKey: 'KAN-42', boardId: 'KAN', status: 'In Progress', type: 'Task', createdAt: '2024-01-24T09:00:01.100Z' });
    const done = await send.jira(connector.webhookPath, kan42ToDone(Date.parse('2024-01-26T10:00:00.000Z'), '10150'), JIRA_SECRET, 'mid-done-2');
    expect(done.status).toBe(202);
    await pipeline.caughtUp();
    const finished = await eventually(() => itemOf(client, 'KAN-42'), (r) => r.body.status === 'Done', { what: 'KAN-42 done' });
    expect(finished.body).toMatchObject({ stageCategory: 'done', doneAt: '2024-01-26T10:00:00.000Z' });
    expect((await throughput(client, '2024-01-01', '2024-01-31')).body.total).toBe(1);
  });

  it('dead-letters a delivery a wrong setting cannot normalise, lists it, and re-drives it into the figures after the fix', async () => {
    // The admin picked Rank (customfield_10019) as the story-points field: every issue creation and
    // every board drag (which changes the Rank) now fails to normalise.
    const { client, apiKey, connector } = await pipeline.workspace({ type: 'jira', secret: JIRA_SECRET, settings: { storyPointsField: 'customfield_10019' } });
    const gw = pipeline.gw(apiKey);
    const created = await send.jira(connector.webhookPath, jiraCloud('issue-created'), JIRA_SECRET, 'dl-created-1');
    expect(created.status).toBe(202);
    expect(created.body).toMatchObject({ accepted: 0, deadLettered: 'story points value is not a number: "0|i0002f:"' });
    // A board drag of KAN-42 to Done: Jira sends the transition and the Rank change in one changelog.
    const dragPayload = withRankChange(kan42ToDone(Date.parse('2024-01-19T10:00:00.000Z'), '10140'));
    expect((await send.jira(connector.webhookPath, dragPayload, JIRA_SECRET, 'dl-drag-2')).body).toMatchObject({ accepted: 0, deadLettered: expect.stringContaining('story points') });
    expect((await send.jira(connector.webhookPath, jiraCloud('sprint-started'), JIRA_SECRET, 'dl-ok-3')).body.accepted).toBe(1);

    type Letter = { deliveryId: string; status: string; reason: string; attempts: number; source: string; connectorId: string; body?: string };
    const listed = await gw.get<{ items: Letter[]; nextCursor: string | null }>('/api/v1/dead-letters?status=open');
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((l) => [l.deliveryId, l.status, l.attempts, l.source, l.connectorId])).toEqual([
      ['dl-drag-2', 'open', 1, 'jira', connector.id],
      ['dl-created-1', 'open', 1, 'jira', connector.id],
    ]);
    const page1 = await gw.get<{ items: Letter[]; nextCursor: string | null }>('/api/v1/dead-letters?limit=1');
    const page2 = await gw.get<{ items: Letter[]; nextCursor: string | null }>(`/api/v1/dead-letters?limit=1&cursor=${page1.body.nextCursor}`);
    expect([...page1.body.items, ...page2.body.items].map((l) => l.deliveryId)).toEqual(['dl-drag-2', 'dl-created-1']);
    expect(page2.body.nextCursor).toBeNull();
    const detail = await gw.get<Letter>('/api/v1/dead-letters/dl-created-1');
    expect(JSON.parse(detail.body.body ?? '')).toEqual(jiraCloud('issue-created'));
    expect(await pipeline.probe.offsets(TOPICS.deadLetters)).toBeGreaterThanOrEqual(2);

    // Re-driving before the fix still fails: 422 with the reason, one more attempt.
    const early = await gw.post<{ error: { code: string; message: string } }>('/api/v1/dead-letters/dl-created-1/redrive');
    expect(early.status).toBe(422);
    expect(early.body.error).toMatchObject({ code: 'still_failing', message: expect.stringContaining('0|i0002f:') });
    expect((await gw.get<Letter>('/api/v1/dead-letters/dl-created-1')).body).toMatchObject({ status: 'open', attempts: 2 });
    await pipeline.caughtUp();
    expect((await itemOf(client, 'KAN-42')).status).toBe(404);

    const fixed = await client.request<{ settings: Record<string, unknown> }>('PATCH', `/api/v1/connectors/${connector.id}`, { settings: { storyPointsField: 'customfield_10016' } });
    expect(fixed.status).toBe(200);
    expect(fixed.body.settings).toEqual({ storyPointsField: 'customfield_10016' });
    for (const id of ['dl-created-1', 'dl-drag-2']) {
      const redriven = await gw.post<Letter & { accepted: number }>(`/api/v1/dead-letters/${id}/redrive`);
      expect(redriven.status).toBe(200);
      // The drag's changelog gives its status change plus the observation of the issue it left.
      expect(redriven.body).toMatchObject({ deliveryId: id, status: 'redriven', accepted: id === 'dl-created-1' ? 1 : 2 });
    }
    expect((await gw.post('/api/v1/dead-letters/dl-created-1/redrive')).status).toBe(409);
    expect((await gw.get<{ items: Letter[] }>('/api/v1/dead-letters?status=open')).body.items).toEqual([]);
    expect((await gw.get<{ items: Letter[] }>('/api/v1/dead-letters?status=redriven')).body.items.map((l) => l.attempts).sort()).toEqual([2, 3]);

    const rawRecords = await raw.until((rs) => rs.some((r) => r.deliveryId === 'dl-created-1' && r.outcome === 'accepted'), 're-driven raw record');
    expect(rawRecords.filter((r) => r.deliveryId === 'dl-created-1').map((r) => r.outcome)).toEqual(['dead-lettered', 'accepted']);
    await pipeline.caughtUp();
    const item = await eventually(() => itemOf(client, 'KAN-42'), (r) => r.status === 200, { what: 'KAN-42 re-driven' });
    expect(item.body).toMatchObject({ status: 'Done', stageCategory: 'done', createdAt: '2024-01-15T10:23:45.123Z', doneAt: '2024-01-19T10:00:00.000Z' });
    expect((await throughput(client, '2024-01-01', '2024-01-31')).body.total).toBe(1);
  });

  it('discards dead letters and answers bad dead-letter requests with the error envelope', async () => {
    const { apiKey, connector } = await pipeline.workspace({ type: 'jira', secret: JIRA_SECRET, settings: { storyPointsField: 42 } });
    expect((await send.jira(connector.webhookPath, jiraCloud('issue-created'), JIRA_SECRET, 'dl-discard-1')).body.deadLettered).toMatch(/invalid Jira connector settings: storyPointsField/);
    const gw = pipeline.gw(apiKey);
    const discarded = await gw.post<{ status: string }>('/api/v1/dead-letters/dl-discard-1/discard');
    expect(discarded.body).toMatchObject({ status: 'discarded' });
    expect((await gw.post<{ status: string }>('/api/v1/dead-letters/dl-discard-1/discard')).body).toMatchObject({ status: 'discarded' });
    expect((await gw.get<{ items: unknown[] }>('/api/v1/dead-letters?status=discarded')).body.items).toHaveLength(1);
    expect((await gw.get<{ items: unknown[] }>('/api/v1/dead-letters?status=open')).body.items).toHaveLength(0);

    const unknown = await gw.get<{ error: { code: string } }>('/api/v1/dead-letters/no-such-delivery');
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'unknown_dead_letter']);
    expect((await gw.post('/api/v1/dead-letters/no-such-delivery/redrive')).status).toBe(404);
    const badQuery = await gw.get<{ error: { code: string; details: Array<{ path: string }> } }>('/api/v1/dead-letters?status=lost&limit=0');
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.error.details.map((d) => d.path).sort()).toEqual(['limit', 'status']);
    expect((await gw.get<{ error: { code: string } }>('/api/v1/dead-letters?cursor=garbage')).body.error.code).toBe('invalid_cursor');
    expect((await pipeline.gw().get('/api/v1/dead-letters')).status).toBe(401);
    // Another workspace sees none of them.
    const other = await pipeline.workspace({ type: 'jira', secret: JIRA_SECRET });
    expect((await pipeline.gw(other.apiKey).get('/api/v1/dead-letters/dl-discard-1')).status).toBe(404);
  });
});
