// A scheduled alert cycle reads its board rules' figures from one scan of all their boards (the
// queries' by-board forms); `evaluate` reads a rule's figures alone, as the API answers them. In
// the standalone process, rules of every batched figure on two boards must see, after a cycle,
// exactly the values `evaluate` gives each rule.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signGenericBody } from '@flowlens/connector-generic';
import type { CanonicalEvent } from '@flowlens/contracts';
import { EventFactory, JIRA } from '@flowlens/metrics/testing';
import { ApiClient, AppProcess, eventually, setUpWorkspace } from '@flowlens/testing';
import { toGenericEvent } from '../support/generic-events';

const ADMIN = 'admin-token-for-alert-cycle-tests';
const SECRET = 'generic-secret-for-alert-cycle-tests';
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

interface Alert {
  ruleId: string;
  subject: { type: string; id: string };
  value: number | null;
}

describe('a scheduled cycle sees what evaluate sees, with board figures scanned for all boards at once', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'flowlens-alert-cycle-'));
  let app: AppProcess;
  let client: ApiClient;

  const body = async <T>(response: Promise<{ status: number; body: T }>, expected: number): Promise<T> => {
    const answered = await response;
    if (answered.status !== expected) throw new Error(`answered ${answered.status}: ${JSON.stringify(answered.body)}`);
    return answered.body;
  };

  /** A board with its own pace: `n` items done over the last weeks, some in progress, one blocked. */
  function history(key: string, n: number, now: number): CanonicalEvent[] {
    const board = new EventFactory('jira', 'c0a8012e-6f1b-4c3d-9e2a-7b5d4f3a2e10', key);
    const events: CanonicalEvent[] = [];
    for (let i = 0; i < n; i++) {
      const item = board.item(`${key}-done-${i}`, `${key}-${i}`);
      const start = now - (12 + (n - 1 - i) * 3) * DAY;
      const review = start + (2 + (i % 5)) * DAY;
      events.push(item.created(iso(start - 2 * DAY), JIRA.todo), item.status(iso(start), JIRA.todo, JIRA.inProgress), item.status(iso(review), JIRA.inProgress, JIRA.review));
      events.push(item.status(iso(review + (1 + (i % 4)) * DAY), JIRA.review, JIRA.done));
    }
    for (let i = 0; i < 3 + (n % 4); i++) {
      const item = board.item(`${key}-wip-${i}`, `${key}-${100 + i}`);
      events.push(item.created(iso(now - 20 * DAY), JIRA.todo), item.status(iso(now - (10 + i) * DAY), JIRA.todo, i % 2 ? JIRA.review : JIRA.inProgress));
    }
    return events;
  }

  beforeAll(async () => {
    app = await AppProcess.start('standalone', { FLOWLENS_DATA_DIR: dataDir, FLOWLENS_ADMIN_TOKEN: ADMIN, FLOWLENS_DEMO: 'false', ALERT_INTERVAL_MS: '1000' });
    await app.waitReady();
    const ws = await setUpWorkspace(new ApiClient(app.url), ADMIN, { type: 'generic', secret: SECRET });
    client = ws.client;
    const now = Date.now();
    const raw = JSON.stringify({ events: [...history('CYA', 18, now), ...history('CYB', 11, now)].map(toGenericEvent) });
    const posted = await new ApiClient(app.url).post(ws.connector.webhookPath, raw, { 'content-type': 'application/json', 'x-flowlens-signature': signGenericBody(raw, SECRET) });
    expect(posted.status).toBe(202);
    const doneOn = (board: string) =>
      client.get<{ total: number }>(`/api/v1/metrics/throughput?boardId=${board}&from=${iso(now - 120 * DAY).slice(0, 10)}&to=${iso(now).slice(0, 10)}`).then((r) => r.body.total);
    await eventually(async () => [await doneOn('CYA'), await doneOn('CYB')], ([a, b]) => a === 18 && b === 11, { what: '18 items done on CYA and 11 on CYB', timeoutMs: 60_000 });
  });

  afterAll(async () => {
    await app?.stop('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('gives every board rule of the cycle the value evaluate gives it alone', async () => {
    // Conditions that always hold, so every rule has an instance carrying its value after a cycle.
    const always = { op: '>', value: -1e12 } as const;
    const kinds: Array<{ kind: string; params: Record<string, unknown> }> = [
      ...['cycle-time.p85', 'cycle-time.p50', 'lead-time.p85', 'throughput', 'wip', 'flow-efficiency', 'net-flow'].flatMap((metric) => [28, 90].map((windowDays) => ({ kind: 'threshold', params: { metric, ...always, windowDays } }))),
      { kind: 'wip-limit', params: { limit: 0 } },
      { kind: 'wip-limit', params: { limit: 0, stage: 'In Review' } },
      // A change either way (past windows: the baseline) holds for one of the two unless there was none.
      ...['throughput', 'wip', 'cycle-time.p85'].flatMap((metric) => ['up', 'down'].map((direction) => ({ kind: 'change', params: { metric, direction, pct: 0.001, windowDays: 28, baselineWeeks: 4 } }))),
    ];
    const rules: Array<{ id: string; board: string; kind: string; params: Record<string, unknown> }> = [];
    // Change rules first: a cycle that saw the last rule made saw every one, and the rules made
    // last always fire, so once each of them has an instance such a cycle has run.
    const ordered = [...kinds.filter((k) => k.kind === 'change'), ...kinds.filter((k) => k.kind !== 'change')];
    for (const { kind, params } of ordered) {
      for (const board of ['CYA', 'CYB']) {
        const rule = await body(client.post<{ id: string }>('/api/v1/alert-rules', { name: `${kind} ${JSON.stringify(params)} ${board}`, kind, scope: { boardId: board }, params, severity: 'info', channelIds: [] }), 201);
        rules.push({ id: rule.id, board, kind, params });
      }
    }
    const unobserved = (alerts: Alert[]) => rules.filter((rule) => rule.kind !== 'change' && !alerts.some((a) => a.ruleId === rule.id)).map((r) => `${r.kind} ${JSON.stringify(r.params)} on ${r.board}`);
    const firing = await eventually(
      () => body(client.get<{ items: Alert[] }>('/api/v1/alerts?state=firing&limit=500'), 200),
      (r) => unobserved(r.items).length === 0,
      { what: 'an instance of every rule', timeoutMs: 60_000 },
    ).catch(async (error: Error) => {
      throw new Error(`${error.message.slice(0, 80)}; without one: ${unobserved((await body(client.get<{ items: Alert[] }>('/api/v1/alerts?state=firing&limit=500'), 200)).items).join(', ')}`);
    });
    const byCycle = new Map(firing.items.map((a) => [a.ruleId, a.value]));
    const values: number[] = [];
    for (const rule of rules) {
      const { instances } = await body(client.post<{ instances: Alert[] }>(`/api/v1/alert-rules/${rule.id}/evaluate`, {}), 200);
      const name = `${rule.kind} ${JSON.stringify(rule.params)} on ${rule.board}`;
      expect({ name, fired: byCycle.has(rule.id), value: byCycle.get(rule.id) }).toEqual({ name, fired: instances.length > 0, value: instances[0]?.value });
      if (typeof instances[0]?.value === 'number') values.push(instances[0].value);
    }
    // The boards differ, so a cycle that gave one board's figure to the other would be caught.
    const throughput = rules.filter((r) => r.kind === 'threshold' && r.params['metric'] === 'throughput' && r.params['windowDays'] === 90).map((r) => byCycle.get(r.id));
    expect(new Set(throughput).size).toBe(2);
    expect(values.filter((v) => v !== 0).length).toBeGreaterThan(rules.length / 2);
    // Of each up/down pair of change rules, one fired (its baseline window, weeks back, was read).
    expect(rules.filter((r) => r.kind === 'change' && byCycle.has(r.id)).length).toBeGreaterThanOrEqual(4);
  });
});
