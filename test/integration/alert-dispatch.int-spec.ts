// The alert dispatcher against the real PostgreSQL server, a real SMTP server (smtp-server, with
// authentication) and a local HTTP receiver: what each channel type receives, retries, the cap,
// permanent failures, and two dispatchers on one database sending each row once.
import { createHmac } from 'node:crypto';
import type { AlertNotification } from '@flowlens/alerting';
import { AlertChannelStore, AlertDispatcher, ChannelAdapters, DeliveryOutboxStore, type DeliveryRow } from '@flowlens/feature-alert-delivery';
import { runPostgresMigrations, SecretCipher, WorkspaceRepository } from '@flowlens/persistence';
import { eventually, freePort } from '@flowlens/testing';
import { DataSource } from 'typeorm';
import { HttpReceiver, SmtpReceiver } from '../support/alerting/alert-receivers';
import { openTestDataSource, type TestDataSource } from '../support/test-data-source';

const SECRET = 'webhook-signing-secret';
const cipher = new SecretCipher('alert-dispatch-test-key');

const notification = (ruleName: string): AlertNotification => ({
  version: 1,
  status: 'firing',
  workspace: { id: '00000000-0000-4000-8000-000000000000', name: 'PMO' },
  rule: { id: '00000000-0000-4000-8000-000000000001', name: ruleName, kind: 'wip-limit', severity: 'critical' },
  alerts: [
    {
      id: '00000000-0000-4000-8000-000000000002',
      ruleId: '00000000-0000-4000-8000-000000000001',
      subject: { type: 'board', id: 'PMO' },
      state: 'firing',
      value: 14,
      threshold: 10,
      startedAt: '2026-01-05T10:00:00.000Z',
      resolvedAt: null,
      lastNotifiedAt: null,
      acknowledgedAt: null,
      snoozedUntil: null,
    },
  ],
  link: 'https://flowlens.example.com/alerts',
});

describe('alert dispatcher (PostgreSQL server, SMTP server, HTTP receiver)', () => {
  let source: TestDataSource;
  let workspaceId = '';
  let channels: AlertChannelStore;
  let outbox: DeliveryOutboxStore;
  const dispatchers: AlertDispatcher[] = [];
  const extraSources: DataSource[] = [];
  const smtp = new SmtpReceiver();
  // /flaky answers 503 twice per delivery, then 200; /bad 400; /down always 503.
  const receiver = new HttpReceiver((path, previous) => (path.startsWith('/flaky') ? (previous < 2 ? 503 : 200) : path === '/bad' ? 400 : path === '/down' ? 503 : 200));

  const dispatcher = (db: DataSource, overrides: { retryMax?: number; smtpUrl?: string | undefined } = {}) => {
    const d = new AlertDispatcher(new DeliveryOutboxStore(db), new AlertChannelStore(db, cipher), new ChannelAdapters({ smtpUrl: 'smtpUrl' in overrides ? overrides.smtpUrl : smtp.url, from: 'Flowlens <alerts@flowlens.test>', blockPrivateUrls: false }), {
      retryBaseMs: 40,
      retryMax: overrides.retryMax ?? 10,
      pollMs: 25,
      leaseMs: 15_000,
    });
    dispatchers.push(d);
    return d;
  };
  const channel = (input: { type: 'webhook' | 'slack' | 'email'; url?: string; to?: string[]; secret?: string }) =>
    channels.create(workspaceId, { type: input.type, name: `${input.type} channel`, url: input.url ?? null, recipients: input.to ?? [], secret: input.secret ?? null });
  const enqueue = (channelId: string, ruleName = 'WIP over limit') => outbox.enqueue({ workspaceId, channelId, kind: 'alert', body: notification(ruleName) });
  const row = async (id: string) => (await outbox.find(workspaceId, id)) as DeliveryRow;
  const settled = (id: string) => eventually(() => row(id), (r) => r.status !== 'retrying', { timeoutMs: 30_000, what: `delivery ${id} settled` });

  beforeAll(async () => {
    source = await openTestDataSource('pg');
    await runPostgresMigrations(source.db);
    workspaceId = (await new WorkspaceRepository(source.db).create({ name: 'PMO', timezone: 'UTC', firstKey: { name: 'k', prefix: 'dispatchtest0001', keyHash: 'a'.repeat(64), role: 'admin' } })).id;
    channels = new AlertChannelStore(source.db, cipher);
    outbox = new DeliveryOutboxStore(source.db);
    await Promise.all([smtp.start(), receiver.start()]);
  });

  afterEach(async () => {
    await Promise.all(dispatchers.splice(0).map((d) => d.stop()));
  });

  afterAll(async () => {
    await Promise.all(extraSources.map((db) => db.destroy()));
    await Promise.all([smtp.stop(), receiver.stop()]);
    await source.close();
  });

  it('posts the notification to a webhook, signed with the secret, the delivery id as Idempotency-Key', async () => {
    const hook = await channel({ type: 'webhook', url: `${receiver.url}/hook`, secret: SECRET });
    const id = await enqueue(hook.id);
    dispatcher(source.db).start();
    const done = await settled(id);
    expect(done).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(done.sentAt).toBeInstanceOf(Date);
    const [request, ...more] = receiver.at('/hook');
    expect(more).toHaveLength(0);
    expect(request?.headers['idempotency-key']).toBe(id);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual(notification('WIP over limit'));
    // The receiver's own check: HMAC-SHA256 of the raw body with the shared secret.
    expect(request?.headers['x-flowlens-signature']).toBe(`sha256=${createHmac('sha256', SECRET).update(request?.body ?? '').digest('hex')}`);
  });

  it('gives a Slack channel an incoming-webhook body of text and blocks', async () => {
    const slack = await channel({ type: 'slack', url: `${receiver.url}/slack` });
    const id = await enqueue(slack.id, 'Throughput down');
    dispatcher(source.db).start();
    expect(await settled(id)).toMatchObject({ status: 'sent', attempts: 1 });
    const body = JSON.parse(receiver.at('/slack')[0]?.body ?? '{}') as { text: string; blocks: Array<{ type: string }> };
    expect(body.text).toBe('[Flowlens] firing: Throughput down');
    expect(body.blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text', text: '[Flowlens] firing: Throughput down' } });
    expect(JSON.stringify(body.blocks)).toContain('board PMO: firing, 14 (threshold 10)');
    expect(Object.keys(body).sort()).toEqual(['blocks', 'text']);
  });

  it("e-mails the channel's recipients through SMTP with authentication: subject, text and HTML parts", async () => {
    const mail = await channel({ type: 'email', to: ['lead@example.com', 'pmo@example.com'] });
    const id = await enqueue(mail.id, 'Cycle time p85 high');
    dispatcher(source.db).start();
    expect(await settled(id)).toMatchObject({ status: 'sent', attempts: 1 });
    const received = smtp.mails.find((m) => m.mail.subject === '[Flowlens] firing: Cycle time p85 high');
    expect(received?.authUser).toBe('alerts');
    expect(received?.envelopeTo).toEqual(['lead@example.com', 'pmo@example.com']);
    expect(received?.mail.from?.value).toEqual([{ name: 'Flowlens', address: 'alerts@flowlens.test' }]);
    expect(received?.mail.text).toContain('board PMO: firing, 14 (threshold 10)');
    expect(received?.mail.text).toContain('https://flowlens.example.com/alerts');
    expect(received?.mail.html).toContain('<a href="https://flowlens.example.com/alerts">');
    expect(received?.mail.messageId).toBe(`<${id}@flowlens>`);
  });

  it('retries a receiver that fails twice: the same delivery three times, then sent', async () => {
    const hook = await channel({ type: 'webhook', url: `${receiver.url}/flaky-1`, secret: SECRET });
    const id = await enqueue(hook.id);
    dispatcher(source.db).start();
    expect(await settled(id)).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
    const tries = receiver.at('/flaky-1');
    expect(tries.map((t) => t.status)).toEqual([503, 503, 200]);
    expect(new Set(tries.map((t) => t.headers['idempotency-key']))).toEqual(new Set([id]));
    expect(new Set(tries.map((t) => t.body)).size).toBe(1);
    // Backoff doubles: the second wait is at least the base doubled.
    expect((tries[2]?.at ?? 0) - (tries[1]?.at ?? 0)).toBeGreaterThanOrEqual(80);
  });

  it('fails a 400 at once, without retrying', async () => {
    const hook = await channel({ type: 'webhook', url: `${receiver.url}/bad` });
    const id = await enqueue(hook.id);
    dispatcher(source.db).start();
    expect(await settled(id)).toMatchObject({ status: 'failed', attempts: 1, lastError: 'HTTP 400 Bad Request', sentAt: null });
    expect(receiver.at('/bad')).toHaveLength(1);
  });

  it('gives up after ALERT_RETRY_MAX tries of a 503 or a refused connection', async () => {
    const down = await channel({ type: 'webhook', url: `${receiver.url}/down` });
    const closed = await channel({ type: 'webhook', url: `http://127.0.0.1:${await freePort()}/nothing-listens` });
    const [a, b] = [await enqueue(down.id), await enqueue(closed.id)];
    dispatcher(source.db, { retryMax: 3 }).start();
    expect(await settled(a)).toMatchObject({ status: 'failed', attempts: 3, lastError: 'HTTP 503 Service Unavailable (gave up after 3 attempts)' });
    expect((await settled(b)).lastError).toMatch(/^connection failed: ECONNREFUSED \(gave up after 3 attempts\)$/);
    expect(receiver.at('/down')).toHaveLength(3);
  });

  it('fails an e-mail at once when the SMTP server refuses the credentials (a 5xx reply)', async () => {
    const mail = await channel({ type: 'email', to: ['lead@example.com'] });
    const id = await enqueue(mail.id, 'Wrong password');
    const wrong = new URL(smtp.url);
    wrong.password = 'not-the-password';
    dispatcher(source.db, { smtpUrl: wrong.toString() }).start();
    const failed = await settled(id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.lastError).toMatch(/^SMTP: 535 /);
    expect(smtp.refusedLogins).toContain('alerts');
  });

  it('sends each row once when two dispatchers with their own connection pools share the database', async () => {
    const hook = await channel({ type: 'webhook', url: `${receiver.url}/shared`, secret: SECRET });
    const ids = await Promise.all(Array.from({ length: 60 }, () => enqueue(hook.id)));
    const second = new DataSource({ ...source.db.options });
    await second.initialize();
    extraSources.push(second);
    dispatcher(source.db).start();
    dispatcher(second).start();
    await eventually(() => outbox.list(workspaceId, { channelId: hook.id, status: 'sent', limit: 100 }), (rows) => rows.length === 60, { timeoutMs: 30_000, what: 'all 60 sent' });
    const keys = receiver.at('/shared').map((r) => String(r.headers['idempotency-key']));
    expect(keys).toHaveLength(60);
    expect(new Set(keys)).toEqual(new Set(ids));
    expect((await outbox.list(workspaceId, { channelId: hook.id, limit: 100 })).every((r) => r.attempts === 1)).toBe(true);
  });

  it('fails a delivery to a deleted channel without sending', async () => {
    const hook = await channel({ type: 'webhook', url: `${receiver.url}/deleted` });
    const id = await enqueue(hook.id);
    await channels.delete(workspaceId, hook.id);
    dispatcher(source.db).start();
    expect(await settled(id)).toMatchObject({ status: 'failed', attempts: 1, lastError: 'the channel was deleted' });
    expect(receiver.at('/deleted')).toHaveLength(0);
  });
});
