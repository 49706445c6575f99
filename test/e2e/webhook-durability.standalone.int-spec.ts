import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TOPICS } from '@flowlens/contracts';
import { ApiClient, AppProcess, eventually, setUpWorkspace } from '@flowlens/testing';
import { signJira } from '../support/jira-webhooks';
import { createdThenDone, type IdentifiedDelivery, postJira, retryAll, sendAndKill } from '../support/pipeline/kill-during-load';

const ADMIN = 'admin-token-for-durability-tests-01';
const SECRET = 'jira-secret-for-durability-tests';
const ITEMS = 120;

interface RawRecord {
  readonly deliveryId: string;
  readonly outcome: string;
  readonly eventIds: readonly string[];
}

/** What the embedded journal holds: raw deliveries and the ids of the work-item events. */
function readJournal(dataDir: string): { raw: RawRecord[]; eventIds: string[] } {
  const raw: RawRecord[] = [];
  const eventIds: string[] = [];
  const text = readFileSync(join(dataDir, 'log', 'journal.log'), 'utf8').trim();
  for (const line of text ? text.split('\n') : []) {
    for (const r of (JSON.parse(line) as { r: Array<{ t: string; v: string }> }).r) {
      if (r.t === TOPICS.rawWebhooks) raw.push(JSON.parse(r.v) as RawRecord);
      if (r.t === TOPICS.workItemEvents) eventIds.push((JSON.parse(r.v) as { eventId: string }).eventId);
    }
  }
  return { raw, eventIds };
}

describe('webhook group commit, standalone (embedded journal, PGlite, chDB)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'flowlens-e2e-durability-'));
  let app: AppProcess;

  beforeAll(async () => {
    app = await AppProcess.start('standalone', { FLOWLENS_DATA_DIR: dataDir, FLOWLENS_ADMIN_TOKEN: ADMIN, FLOWLENS_DEMO: 'false' });
    await app.waitReady();
  });

  afterAll(async () => {
    await app?.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('SIGKILL under 32 concurrent webhooks loses no acknowledged delivery and doubles none; after the restart a retry is a duplicate', async () => {
    const { client, connector } = await setUpWorkspace(new ApiClient(app.url), ADMIN, { type: 'jira', secret: SECRET });
    const items = createdThenDone('GRP', ITEMS, Date.now());
    const send = (delivery: { id: string; body: string }) => postJira(app.url, connector.webhookPath, SECRET, delivery);
    const { acked, unacked } = await sendAndKill(items, send, { concurrency: 32, killAfter: 90, kill: () => app.stop('SIGKILL') });
    expect(acked.size).toBeGreaterThanOrEqual(90);
    expect(unacked.length).toBeGreaterThan(0);

    // Every acknowledged delivery is in the journal once, with all its events.
    const journal = readJournal(dataDir);
    const events = new Set(journal.eventIds);
    for (const id of acked) {
      const records = journal.raw.filter((r) => r.deliveryId === id);
      expect(records.map((r) => r.outcome)).toEqual(['accepted']);
      expect(records[0]?.eventIds.every((e) => events.has(e))).toBe(true);
    }
    expect(journal.eventIds.length).toBe(events.size);

    await app.restart();
    await app.waitReady();
    // Every acknowledged delivery, the last ones before the kill included: their ids may have
    // reached the journal but not yet the accepted-ids table, which catches up before answering.
    const api = new ApiClient(app.url);
    const answers = new Map<string, unknown>();
    for (const delivery of items.flat().filter((d) => acked.has(d.id))) {
      const again = await api.post(connector.webhookPath, delivery.body, { 'content-type': 'application/json', 'x-hub-signature': signJira(delivery.body, SECRET), 'x-atlassian-webhook-identifier': delivery.id });
      const { accepted, duplicates } = again.body as { accepted: number; duplicates: number };
      answers.set(delivery.id, { status: again.status, accepted, duplicated: duplicates > 0 });
    }
    expect(answers.size).toBe(acked.size);
    expect([...answers.values()]).toEqual([...answers.keys()].map(() => ({ status: 202, accepted: 0, duplicated: true })));

    expect(new Set(await retryAll(unacked, send))).toEqual(new Set([202]));
    const throughput = await eventually(
      () => client.get<{ total: number }>('/api/v1/metrics/throughput?boardId=GRP'),
      (r) => r.status === 200 && r.body.total >= ITEMS,
      { timeoutMs: 120_000, what: `all ${ITEMS} GRP items done` },
    );
    expect(throughput.body.total).toBe(ITEMS);
  });

  it('a secret changed through the API takes effect on the next delivery (the connector cache is invalidated)', async () => {
    const { client, connector } = await setUpWorkspace(new ApiClient(app.url), ADMIN, { type: 'jira', secret: SECRET });
    const created = createdThenDone('ROT', 3, Date.now()).map((item) => item[0] as IdentifiedDelivery);
    const post = (n: number, secret: string) => postJira(app.url, connector.webhookPath, secret, created[n] as IdentifiedDelivery);
    expect(await post(0, SECRET)).toBe(202); // now cached
    expect((await client.request('PATCH', `/api/v1/connectors/${connector.id}`, { secret: 'the-rotated-secret' })).status).toBe(200);
    expect(await post(1, SECRET)).toBe(401);
    expect(await post(2, 'the-rotated-secret')).toBe(202);
  });
});
