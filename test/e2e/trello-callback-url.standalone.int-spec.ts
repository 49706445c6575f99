// Trello signs body + callback URL. A connector created from the contract alone (type, name,
// secret) must verify deliveries: against FLOWLENS_PUBLIC_URL + its webhook path when configured,
// else against the URL as the request reached Flowlens (forwarded headers only with TRUST_PROXY).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient, AppProcess, eventually, setUpWorkspace } from '@flowlens/testing';
import { trelloWebhook } from '../support/pipeline/delivery-fixtures';
import { trelloSignature as trelloSignatureOf } from '@flowlens/connector-trello';
import { WebhookSender } from '../support/pipeline/webhook-sender';

const ADMIN = 'admin-token-for-trello-callback-urls';
const SECRET = 'trello-app-secret-callback-urls';
const PUBLIC = 'https://flowlens.example.com';
const FORWARDED = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'proxy.example.org' };

type Connector = { id: string; webhookPath: string; webhookUrl: string | null };
type Rejection = { error: { code: string; message: string; details: Array<{ path: string; message: string }> } };

describe('Trello from the contract alone (standalone process)', () => {
  const dirs: string[] = [];
  const apps: Record<'configured' | 'direct' | 'proxied', AppProcess | undefined> = { configured: undefined, direct: undefined, proxied: undefined };

  const start = (env: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), 'flowlens-e2e-trello-url-'));
    dirs.push(dir);
    return AppProcess.start('standalone', { FLOWLENS_DATA_DIR: dir, FLOWLENS_ADMIN_TOKEN: ADMIN, FLOWLENS_DEMO: 'false', ...env });
  };

  beforeAll(async () => {
    // One after the other: three processes starting at once on two shared cores start slowly.
    apps.configured = await start({ FLOWLENS_PUBLIC_URL: `${PUBLIC}/` });
    apps.direct = await start({});
    apps.proxied = await start({ TRUST_PROXY: 'true' });
    for (const app of Object.values(apps)) await app?.waitReady();
  }, 300_000);

  afterAll(async () => {
    for (const app of Object.values(apps)) expect(await app?.stop('SIGTERM')).toBe(0);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  const appOf = (name: keyof typeof apps): AppProcess => {
    const app = apps[name];
    if (!app) throw new Error(`${name} app not started`);
    return app;
  };

  it('with FLOWLENS_PUBLIC_URL: shows the full webhook URL, verifies against it, and names it in a 401', async () => {
    const app = appOf('configured');
    const { client, connector } = await setUpWorkspace(new ApiClient(app.url), ADMIN, { type: 'trello', secret: SECRET });
    const created = connector as unknown as Connector;
    const url = `${PUBLIC}/webhooks/trello/${created.id}`;
    expect(created.webhookUrl).toBe(url);
    expect((await client.get<{ items: Connector[] }>('/api/v1/connectors')).body.items.map((c) => c.webhookUrl)).toEqual([url]);
    expect((await new ApiClient(app.url).request('HEAD', created.webhookPath)).status).toBe(200);

    const send = new WebhookSender(app.url);
    const accepted = await send.trello(created.webhookPath, trelloWebhook('comment-card'), SECRET, url);
    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({ accepted: 1, duplicates: 0 });
    // The card's first delivery was a comment: it is known, in the list the comment names.
    const card = await eventually(() => client.get<Record<string, unknown>>('/api/v1/items/aB3dE5fG'), (r) => r.status === 200, { what: 'card seen through a comment' });
    expect(card.body).toMatchObject({ status: 'In Progress', boardId: '651a7880c4d5e6f708192a3b' });

    const wrong = await send.trello(created.webhookPath, trelloWebhook('update-card-moved-list'), SECRET, `${app.url}${created.webhookPath}`);
    expect(wrong.status).toBe(401);
    const rejection = wrong.body as unknown as Rejection;
    expect(rejection.error.code).toBe('invalid_signature');
    expect(rejection.error.message).toContain(url);
    expect(rejection.error.details[0]).toMatchObject({ path: 'callbackUrl', message: expect.stringContaining(url) });
  });

  it('a stored callback URL wins over every derived one', async () => {
    const app = appOf('configured');
    const stored = 'https://hooks.example.net/trello/platform';
    const { connector } = await setUpWorkspace(new ApiClient(app.url), ADMIN, { type: 'trello', secret: SECRET, callbackUrl: stored });
    expect((connector as unknown as Connector).webhookUrl).toBe(stored);
    const send = new WebhookSender(app.url);
    expect((await send.trello(connector.webhookPath, trelloWebhook('update-card-moved-list'), SECRET, stored)).status).toBe(202);
    expect((await send.trello(connector.webhookPath, trelloWebhook('update-card-renamed'), SECRET, `${PUBLIC}${connector.webhookPath}`)).status).toBe(401);
  });

  it('without configuration: the URL as the request reached Flowlens; forwarded headers are not believed', async () => {
    const app = appOf('direct');
    const { connector } = await setUpWorkspace(new ApiClient(app.url), ADMIN, { type: 'trello', secret: SECRET });
    const direct = `${app.url}${connector.webhookPath}`;
    expect((connector as unknown as Connector).webhookUrl).toBe(direct);
    const send = new WebhookSender(app.url);
    expect((await send.trello(connector.webhookPath, trelloWebhook('update-card-moved-list'), SECRET, direct)).status).toBe(202);
    const body = JSON.stringify(trelloWebhook('update-card-renamed'));
    const forged = await new ApiClient(app.url).post<Rejection>(connector.webhookPath, body, {
      'content-type': 'application/json',
      ...FORWARDED,
      'x-trello-webhook': signed(body, `https://proxy.example.org${connector.webhookPath}`),
    });
    expect(forged.status).toBe(401);
    expect(forged.body.error.message).toContain(direct);
  });

  it('with TRUST_PROXY: the URL the proxy was called at, from X-Forwarded-Proto and X-Forwarded-Host', async () => {
    const app = appOf('proxied');
    const api = new ApiClient(app.url);
    const { client } = await setUpWorkspace(api, ADMIN, { type: 'generic' });
    const created = await client.request<Connector>('POST', '/api/v1/connectors', { type: 'trello', name: 'behind the proxy', secret: SECRET }, FORWARDED);
    expect(created.status).toBe(201);
    const proxied = `https://proxy.example.org${created.body.webhookPath}`;
    expect(created.body.webhookUrl).toBe(proxied);
    const body = JSON.stringify(trelloWebhook('update-card-moved-list'));
    const answer = await api.post<{ accepted: number }>(created.body.webhookPath, body, { 'content-type': 'application/json', ...FORWARDED, 'x-trello-webhook': signed(body, proxied) });
    expect(answer.status).toBe(202);
    expect(answer.body.accepted).toBeGreaterThan(0);
  });
});

function signed(body: string, callbackUrl: string): string {
  return trelloSignatureOf(body, SECRET, callbackUrl);
}
