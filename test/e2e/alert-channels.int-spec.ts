// The alert channels API and the delivery log through two real standalone processes on the
// PostgreSQL server: one with SMTP_URL and the dispatcher (a test-send reaches the HTTP receiver and
// the SMTP server), one without SMTP_URL that refuses private hosts. Roles, masking, bad input.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient, AppProcess, createTestDatabase, eventually } from '@flowlens/testing';
import { HttpReceiver, SmtpReceiver } from '../support/alerting/alert-receivers';

const ADMIN = 'admin-token-for-alert-channel-tests';

interface Channel { id: string; type: string; name: string; url: string | null; to: string[]; hasSecret: boolean; createdAt: string }
interface Delivery { id: string; channelId: string; status: string; attempts: number; lastError: string | null; createdAt: string; sentAt: string | null; kind: string }
interface ErrorBody { error: { code: string; message: string } }

async function workspace(app: AppProcess) {
  const ws = await new ApiClient(app.url).withToken(ADMIN).post<{ id: string; apiKey: string }>('/api/v1/workspaces', { name: `alerts-${Date.now()}`, timezone: 'Europe/Berlin' });
  const admin = new ApiClient(app.url).withToken(ws.body.apiKey);
  const key = async (role: string) => new ApiClient(app.url).withToken((await admin.post<{ apiKey: string }>('/api/v1/api-keys', { name: role, role })).body.apiKey);
  return { admin, viewer: await key('viewer'), analyst: await key('analyst') };
}

describe('alert channels API (standalone processes, PostgreSQL server)', () => {
  const dirs = [mkdtempSync(join(tmpdir(), 'flowlens-alert-a-')), mkdtempSync(join(tmpdir(), 'flowlens-alert-b-'))];
  const databases: Array<Awaited<ReturnType<typeof createTestDatabase>>> = [];
  const receiver = new HttpReceiver();
  const smtp = new SmtpReceiver();
  let withSmtp: AppProcess;
  let noSmtp: AppProcess;

  beforeAll(async () => {
    await Promise.all([receiver.start(), smtp.start()]);
    const [dbA, dbB] = [await createTestDatabase(), await createTestDatabase()];
    databases.push(dbA, dbB);
    const [dirA, dirB] = dirs as [string, string];
    const common = { FLOWLENS_ADMIN_TOKEN: ADMIN, FLOWLENS_DEMO: 'false', FLOWLENS_ROLES: 'api,alerting', FLOWLENS_PUBLIC_URL: 'https://flowlens.example.com' };
    [withSmtp, noSmtp] = await Promise.all([
      AppProcess.start('standalone', { ...common, DATABASE_URL: dbA.url, FLOWLENS_DATA_DIR: dirA, SMTP_URL: smtp.url, ALERT_FROM: 'Flowlens <alerts@flowlens.test>', ALERT_DISPATCH_POLL_MS: '100' }),
      AppProcess.start('standalone', { ...common, DATABASE_URL: dbB.url, FLOWLENS_DATA_DIR: dirB, ALERT_BLOCK_PRIVATE_URLS: 'true' }),
    ]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([withSmtp?.stop(), noSmtp?.stop()]);
    await Promise.all([receiver.stop(), smtp.stop(), ...databases.map((d) => d.drop())]);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('creates channels with the URL masked after the host and the secret only as hasSecret; a test-send reaches each', async () => {
    const { analyst, viewer } = await workspace(withSmtp);
    const hook = await analyst.post<Channel>('/api/v1/alert-channels', { type: 'webhook', name: 'Ops hook', url: `${receiver.url}/ops/secret-path?token=abc`, secret: 'hook-secret-123' });
    expect(hook.status).toBe(201);
    expect(hook.body).toMatchObject({ type: 'webhook', name: 'Ops hook', url: `${receiver.url}/****`, hasSecret: true });
    expect(JSON.stringify(hook.body)).not.toMatch(/secret-path|hook-secret-123|token=abc/);
    const mail = await analyst.post<Channel>('/api/v1/alert-channels', { type: 'email', name: 'Leads', to: ['lead@example.com'] });
    expect(mail.status).toBe(201);
    expect(mail.body).toMatchObject({ type: 'email', url: null, to: ['lead@example.com'], hasSecret: false });

    const listed = await viewer.get<{ items: Channel[] }>('/api/v1/alert-channels');
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((c) => c.name)).toEqual(['Ops hook', 'Leads']);
    expect(JSON.stringify(listed.body)).not.toMatch(/secret-path|hook-secret-123/);

    const tests = await Promise.all([hook, mail].map((c) => analyst.post<{ deliveryId: string; status: string }>(`/api/v1/alert-channels/${c.body.id}/test`)));
    expect(tests.map((t) => [t.status, t.body.status])).toEqual([
      [202, 'retrying'],
      [202, 'retrying'],
    ]);
    const log = await eventually(() => viewer.get<{ items: Delivery[] }>('/api/v1/alert-deliveries?kind=test'), (r) => r.body.items?.length === 2 && r.body.items.every((d) => d.status === 'sent'), { timeoutMs: 30_000, what: 'both test deliveries sent' });
    expect(log.body.items.map((d) => d.id).sort()).toEqual(tests.map((t) => t.body.deliveryId).sort());
    expect(log.body.items.every((d) => d.attempts === 1 && d.lastError === null && d.sentAt !== null)).toBe(true);

    const got = receiver.at('/ops/secret-path?token=abc');
    expect(got).toHaveLength(1);
    expect(got[0]?.headers['idempotency-key']).toBe(tests[0]?.body.deliveryId);
    expect(JSON.parse(got[0]?.body ?? '{}')).toMatchObject({ version: 1, status: 'test', channel: { id: hook.body.id, name: 'Ops hook' }, link: 'https://flowlens.example.com/settings/alert-channels' });
    const email = smtp.mails.find((m) => m.mail.subject === '[Flowlens] test: Leads');
    expect(email?.authUser).toBe('alerts');
    expect(email?.mail.html).toContain('https://flowlens.example.com/settings/alert-channels');
  });

  it('lets a viewer read channels and deliveries but not change them; deleting is soft', async () => {
    const { analyst, viewer } = await workspace(withSmtp);
    const slack = await analyst.post<Channel>('/api/v1/alert-channels', { type: 'slack', name: 'Slack', url: 'https://hooks.slack.com/services/T000/B000/XXXX' });
    expect(slack.body.url).toBe('https://hooks.slack.com/****');
    for (const [method, path] of [
      ['POST', '/api/v1/alert-channels'],
      ['DELETE', `/api/v1/alert-channels/${slack.body.id}`],
      ['POST', `/api/v1/alert-channels/${slack.body.id}/test`],
    ] as const) {
      const refused = await viewer.request<ErrorBody>(method, path, method === 'POST' ? { type: 'slack', name: 'x', url: 'https://example.com/x' } : undefined);
      expect([method, path, refused.status, refused.body.error.code]).toEqual([method, path, 403, 'forbidden']);
    }
    expect((await viewer.get('/api/v1/alert-deliveries')).status).toBe(200);
    expect((await analyst.request('DELETE', `/api/v1/alert-channels/${slack.body.id}`)).status).toBe(204);
    expect((await viewer.get<{ items: Channel[] }>('/api/v1/alert-channels')).body.items).toEqual([]);
    expect((await analyst.request<ErrorBody>('DELETE', `/api/v1/alert-channels/${slack.body.id}`)).body.error.code).toBe('unknown_channel');
    expect((await analyst.post<ErrorBody>(`/api/v1/alert-channels/${slack.body.id}/test`)).status).toBe(404);
  });

  it('audits channel changes with the URL and secret redacted', async () => {
    const { admin, analyst } = await workspace(withSmtp);
    const hook = await analyst.post<Channel>('/api/v1/alert-channels', { type: 'webhook', name: 'Audited', url: `${receiver.url}/audited-path`, secret: 'audited-secret-1' });
    await analyst.request('DELETE', `/api/v1/alert-channels/${hook.body.id}`);
    const audit = await admin.get<{ items: Array<{ action: string; target: { id: string }; before: unknown; after: unknown }> }>('/api/v1/audit?target=alert-channel');
    expect(audit.body.items.map((e) => e.action)).toEqual(['alert-channel.delete', 'alert-channel.create']);
    expect(audit.body.items.every((e) => e.target.id === hook.body.id)).toBe(true);
    expect(JSON.stringify(audit.body)).not.toMatch(/audited-path|audited-secret-1/);
  });

  it('answers bad channels with 400, e-mail without SMTP_URL with 422, and refuses private hosts when told to', async () => {
    const { analyst } = await workspace(noSmtp);
    const bad = async (body: unknown) => {
      const r = await analyst.post<ErrorBody>('/api/v1/alert-channels', body);
      return [r.status, r.body.error?.code];
    };
    expect(await bad({ type: 'webhook', name: 'rel', url: '/hooks/relative' })).toEqual([400, 'invalid_url']);
    expect(await bad({ type: 'webhook', name: 'ftp', url: 'ftp://example.com/x' })).toEqual([400, 'invalid_url']);
    expect(await bad({ type: 'slack', name: 'js', url: 'javascript:alert(1)' })).toEqual([400, 'invalid_url']);
    expect((await bad({ type: 'webhook', name: 'no url' }))[0]).toBe(400);
    expect((await bad({ type: 'pager', name: 'x', url: 'https://example.com' }))[0]).toBe(400);
    expect((await bad({ type: 'webhook', name: 'short secret', url: 'https://example.com/h', secret: 'x' }))[0]).toBe(400);
    expect((await bad({ type: 'email', name: 'bad to', to: ['not-an-address'] }))[0]).toBe(400);
    expect(await bad({ type: 'email', name: 'mail', to: ['lead@example.com'] })).toEqual([422, 'smtp_not_configured']);
    for (const host of ['127.0.0.1:8080', 'localhost', '10.0.0.7', '192.168.1.20', '[::1]', '169.254.169.254']) expect([host, ...(await bad({ type: 'webhook', name: 'private', url: `http://${host}/hook` }))]).toEqual([host, 400, 'private_url']);
    expect((await analyst.post('/api/v1/alert-channels', { type: 'webhook', name: 'public', url: 'https://93.184.215.14/hook' })).status).toBe(201);
    expect((await analyst.get<ErrorBody>('/api/v1/alert-deliveries?cursor=nonsense')).status).toBe(400);
    expect((await analyst.get<ErrorBody>('/api/v1/alert-deliveries?status=lost')).status).toBe(400);
  });
});
