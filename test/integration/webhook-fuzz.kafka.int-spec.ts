import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { type CanonicalEvent, TOPICS, type WebhookConnector } from '@flowlens/contracts';
import { GenericWebhookConnector } from '@flowlens/connector-generic';
import { JiraWebhookConnector } from '@flowlens/connector-jira';
import { TrelloWebhookConnector } from '@flowlens/connector-trello';
import type { ApiClient } from '@flowlens/testing';
import { genericFixture, jiraCloud, trelloWebhook } from '../support/pipeline/delivery-fixtures';
import { mutatedPayload } from '../support/pipeline/json-mutation.arbitrary';
import { KafkaPipeline } from '../support/pipeline/kafka-pipeline';
import { LogTopicReader } from '../support/pipeline/log-topic.reader';
import { type IntakeAnswer, WebhookSender } from '../support/pipeline/webhook-sender';

const RUNS = 60;
const SECRET = 'fuzz-webhook-secret-0123456789';
const CALLBACK = 'https://flowlens.example.com/webhooks/trello/fuzz';

type Source = 'jira' | 'trello' | 'generic';
type Sent = { readonly body: string; readonly status: number; readonly answer: IntakeAnswer; readonly deliveryId: string };

/** Real payloads with ids made unique per run, so every accepted creation is a new item. */
const seeds: Record<Source, (n: number) => unknown[]> = {
  jira: (n) => [jiraCloud('issue-created'), jiraCloud('issue-updated-fields'), jiraCloud('issue-created-flagged')].map((p) => rekey(p, [['10042', `${880000 + n}`], ['10043', `${890000 + n}`], ['KAN-4', `FZ${n}-4`]])),
  trello: (n) =>
    ['create-card', 'update-card-moved-list', 'add-label-blocked'].map((name, k) => {
      const payload = rekey(trelloWebhook(name), [['65e5907f8f1a2b0c3d4e5f60', `65e5907f${hex(n, 16)}`], ['aB3dE5fG', `fz${hex(n, 6)}`]]) as { action: { id: string } };
      payload.action.id = `66${k}${hex(n, 21)}`;
      return payload;
    }),
  generic: (n) => [genericFixture('batch-lifecycle'), genericFixture('single-created')].map((p) => rekey(p, [['iss_', `fz${n}_`], ['tracker-', `fz${n}-`]])),
};
const deadLetterSeeds: Record<Source, () => unknown[]> = {
  jira: () => [notOk('jira', 'webhooks', 'not-ok', 'normalisation-bad-duedate.json')],
  trello: () => [notOk('trello', 'not-ok', 'normalise-due-unreadable.json')],
  generic: () => [],
};
const connectors: Record<Source, WebhookConnector> = { jira: new JiraWebhookConnector(), trello: new TrelloWebhookConnector(), generic: new GenericWebhookConnector() };

function notOk(...path: string[]): unknown {
  return JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', ...path), 'utf8'));
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0').slice(-width);
}

function rekey(payload: unknown, replacements: Array<[string, string]>): unknown {
  return JSON.parse(replacements.reduce((text, [from, to]) => text.split(from).join(to), JSON.stringify(payload)));
}

describe('webhook endpoints of a running gateway under random and mutated payloads (fast-check)', () => {
  let pipeline: KafkaPipeline;
  let send: WebhookSender;
  let events: LogTopicReader<CanonicalEvent>;

  beforeAll(async () => {
    pipeline = await KafkaPipeline.start();
    send = new WebhookSender(pipeline.gateway.url);
    events = new LogTopicReader<CanonicalEvent>(pipeline.topicPrefix, TOPICS.workItemEvents);
    await events.start();
  }, 300_000);

  afterAll(async () => {
    await events?.stop();
    await pipeline?.stop();
  });

  async function post(source: Source, path: string, payload: unknown, raw?: string): Promise<Sent> {
    const body = raw ?? JSON.stringify(payload);
    const deliveryId = randomUUID();
    const response =
      source === 'jira' ? await send.jira(path, body, SECRET, deliveryId) : source === 'trello' ? await send.trello(path, body, SECRET, CALLBACK) : await send.generic(path, body, SECRET);
    const id = source === 'jira' ? deliveryId : connectors[source].deliveryId({ rawBody: Buffer.from(body), headers: {} });
    return { body, status: response.status, answer: response.body, deliveryId: id };
  }

  it.each<Source>(['jira', 'trello', 'generic'])('%s: never a 5xx, and every accepted event reaches the log, the items and the dead letters', async (source) => {
    const { workspaceId, client, apiKey, connector } = await pipeline.workspace({ type: source, secret: SECRET, ...(source === 'trello' ? { callbackUrl: CALLBACK } : {}) });
    const sent: Sent[] = [];
    const payloads = fc.oneof(
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => ({ value, raw: undefined as string | undefined })) },
      { weight: 1, arbitrary: fc.string({ maxLength: 40 }).map((raw) => ({ value: null as unknown, raw: `{${raw}` })) },
      { weight: 4, arbitrary: fc.nat().chain((n) => fc.constantFrom(...seeds[source](n)).chain(mutatedPayload)).map((value) => ({ value, raw: undefined as string | undefined })) },
    );
    await fc.assert(
      fc.asyncProperty(payloads, async ({ value, raw }) => {
        const result = await post(source, connector.webhookPath, value, raw);
        sent.push(result);
        expect([202, 400]).toContain(result.status);
      }),
      { numRuns: RUNS },
    );
    // Unmutated seeds too, so some deliveries surely pass, and a recorded one that cannot be normalised.
    for (const payload of [...seeds[source](RUNS + 1), ...deadLetterSeeds[source]()]) sent.push(await post(source, connector.webhookPath, payload));

    const ctx = { workspaceId, connectorId: connector.id, receivedAt: new Date().toISOString(), settings: {} };
    const expected = new Map<string, CanonicalEvent>();
    const deadLettered = new Set<string>();
    for (const s of sent.filter((x) => x.status === 202)) {
      if (s.answer.deadLettered) deadLettered.add(s.deliveryId);
      if (s.answer.accepted + s.answer.duplicates === 0) continue;
      const local = connectors[source].normalise(JSON.parse(s.body), ctx);
      if (local.kind !== 'events') throw new Error(`the gateway accepted what the connector ignores: ${s.body}`);
      expect(local.events.length).toBe(s.answer.accepted + s.answer.duplicates);
      // The gateway appends the first delivery of an event id; later ones are duplicates.
      for (const e of local.events) if (!expected.has(e.eventId)) expected.set(e.eventId, e);
    }
    // At least the unmutated seeds were accepted, so the checks below have something to check.
    expect(sent.filter((s) => s.status === 202 && s.answer.accepted > 0).length).toBeGreaterThanOrEqual(seeds[source](0).length);

    // Nothing lost, nothing extra: the log holds exactly the accepted events of this workspace.
    const inLog = await events.until((rs) => rs.filter((e) => e.workspaceId === workspaceId).length >= expected.size, `${expected.size} ${source} events in the log`);
    expect(new Set(inLog.filter((e) => e.workspaceId === workspaceId).map((e) => e.eventId))).toEqual(new Set(expected.keys()));

    // Every item created (by now) and not deleted is visible through the API.
    await pipeline.caughtUp();
    const visible = visibleItems([...expected.values()], Date.now());
    expect(visible.length).toBeGreaterThan(0);
    const missing = (await Promise.all(visible.map(async (id) => ((await itemStatus(client, id)) === 200 ? null : id)))).filter((id) => id !== null);
    expect(missing).toEqual([]);

    // Every dead-lettered delivery is listed.
    expect(deadLettered.size).toBeGreaterThanOrEqual(deadLetterSeeds[source]().length);
    const letters = await pipeline.gw(apiKey).get<{ items: Array<{ deliveryId: string }> }>('/api/v1/dead-letters?limit=200');
    expect(new Set(letters.body.items.map((l) => l.deliveryId))).toEqual(deadLettered);
  });
});

/** Items with a creation that has happened, whose latest delete/restore (in event order) is not a delete. */
function visibleItems(events: readonly CanonicalEvent[], now: number): string[] {
  const order = (a: CanonicalEvent, b: CanonicalEvent) => a.occurredAt.localeCompare(b.occurredAt) || a.sequence - b.sequence || a.eventId.localeCompare(b.eventId);
  const byItem = new Map<string, CanonicalEvent[]>();
  for (const e of events) if (e.itemId) byItem.set(e.itemId, [...(byItem.get(e.itemId) ?? []), e]);
  return [...byItem].flatMap(([itemId, list]) => {
    const creation = list.find((e) => e.type === 'WorkItemCreated');
    if (!creation || Date.parse(creation.occurredAt) > now) return [];
    const last = list.filter((e) => e.type === 'WorkItemDeleted' || e.type === 'WorkItemRestored').sort(order).at(-1);
    return last?.type === 'WorkItemDeleted' ? [] : [itemId];
  });
}

async function itemStatus(client: ApiClient, itemId: string): Promise<number> {
  return (await client.get(`/api/v1/items/${encodeURIComponent(itemId)}`)).status;
}
