// Webhook deliveries are answered ahead of Nest's router (the fast path), and what it does not take
// whole (compressed, other content types) goes the regular way: both must give the same answers,
// headers and error envelopes, against the real standalone process.
import { gzipSync } from 'node:zlib';
import { issueCreated, signJira } from '../support/jira-webhooks';
import { type ApiClient, eventually, type StandaloneWorkspace, startStandaloneWorkspace } from '@flowlens/testing';

const ADMIN = 'admin-token-for-tests-0123456789';
const SECRET = 'jira-webhook-secret-fast';

interface Envelope {
  readonly error: { readonly code: string; readonly message: string; readonly requestId?: string };
}

describe('webhook fast path, standalone', () => {
  let standalone: StandaloneWorkspace;
  let api: ApiClient;
  let ws: StandaloneWorkspace['ws'];
  const signed = (body: string, extra: Record<string, string> = {}) => ({ 'content-type': 'application/json', 'x-hub-signature': signJira(body, SECRET), ...extra });

  beforeAll(async () => {
    standalone = await startStandaloneWorkspace(ADMIN, { type: 'jira', secret: SECRET }, { HTTP_BODY_LIMIT: '64kb', LOG_LEVEL: 'info', LOG_FORMAT: 'json' });
    ({ api, ws } = standalone);
  });

  afterAll(async () => expect(await standalone.stop()).toBe(0));

  it('accepts a delivery with the usual headers, and the regular path (gzip) then calls the same delivery a duplicate', async () => {
    const body = JSON.stringify(issueCreated(1, Date.now() - 86_400_000));
    const first = await api.post<{ accepted: number; duplicates: number }>(ws.connector.webhookPath, body, signed(body, { 'x-request-id': 'fast-path-1' }));
    expect(first).toMatchObject({ status: 202, body: { accepted: 1, duplicates: 0 } });
    expect(first.headers.get('x-request-id')).toBe('fast-path-1');
    expect(first.headers.get('x-content-type-options')).toBe('nosniff');
    expect(first.headers.get('content-type')).toContain('application/json');

    const again = await api.post(ws.connector.webhookPath, gzipSync(Buffer.from(body)), signed(body, { 'content-encoding': 'gzip' }));
    expect(again).toMatchObject({ status: 202, body: { accepted: 0, duplicates: 1 } });
    const third = await api.post(`${ws.connector.webhookPath}/`, body, signed(body));
    expect(third).toMatchObject({ status: 202, body: { accepted: 0, duplicates: 1 } });
  });

  it('takes the connector token in the query instead of a signature', async () => {
    const body = JSON.stringify(issueCreated(2, Date.now() - 86_400_000));
    const ok = await api.post(`${ws.connector.webhookPath}?token=${ws.connector.webhookToken}`, body, { 'content-type': 'application/json' });
    expect(ok).toMatchObject({ status: 202, body: { accepted: 1 } });
    const wrong = await api.post<Envelope>(`${ws.connector.webhookPath}?token=nope`, body, { 'content-type': 'application/json' });
    expect(wrong).toMatchObject({ status: 401, body: { error: { code: 'invalid_token' } } });
    const nul = await api.post<Envelope>(`${ws.connector.webhookPath}?token=a%00b`, body, { 'content-type': 'application/json' });
    expect(nul).toMatchObject({ status: 400, body: { error: { code: 'invalid_query' } } });

    // The access-log line is pino-http's, token redacted.
    const line = await eventually(
      async () => standalone.app.stdout.split('\n').find((l) => l.includes(ok.headers.get('x-request-id') as string)),
      (found) => found !== undefined,
      { what: 'the access-log line of the delivery' },
    );
    expect(JSON.parse(line as string)).toMatchObject({
      level: 30,
      msg: 'request completed',
      req: { method: 'POST', url: `${ws.connector.webhookPath}?token=[redacted]` },
      res: { statusCode: 202 },
      responseTime: expect.any(Number),
    });
    expect(line).not.toContain(ws.connector.webhookToken);
  });

  it('answers bad bodies with the JSON envelope and the request id', async () => {
    const cases: Array<[string | Buffer, Record<string, string>, number, string]> = [
      ['{"broken', { 'content-type': 'application/json' }, 400, 'malformed_json'],
      ['"just a string"', { 'content-type': 'application/json' }, 400, 'malformed_json'],
      [JSON.stringify({ filler: 'x'.repeat(70_000) }), { 'content-type': 'application/json' }, 413, 'payload_too_large'],
      ['{"a":1}', { 'content-type': 'text/plain' }, 415, 'unsupported_media_type'],
      ['{"webhookEvent":"jira:issue_created"}', signed('{"webhookEvent":"jira:issue_created"}'), 400, 'invalid_payload'],
    ];
    for (const [body, headers, status, code] of cases) {
      const answer = await api.post<Envelope>(ws.connector.webhookPath, body, { ...headers, 'x-request-id': `bad-${code}` });
      expect({ status: answer.status, code: answer.body.error?.code, requestId: answer.body.error?.requestId }).toEqual({ status, code, requestId: `bad-${code}` });
    }
  });

  it('bounds the connector id like every other path parameter', async () => {
    const body = JSON.stringify(issueCreated(3, Date.now() - 86_400_000));
    for (const [id, status, code] of [
      ['x'.repeat(201), 400, 'invalid_path'],
      ['%ZZ', 400, 'invalid_path'],
      ['a%01b', 400, 'invalid_path'],
      ['00000000-0000-4000-8000-000000000000', 404, 'unknown_connector'],
    ] as const) {
      const answer = await api.post<Envelope>(`/webhooks/jira/${id}`, body, signed(body));
      expect({ id, status: answer.status, code: answer.body.error?.code }).toEqual({ id, status, code });
    }
    const trello = await api.post<Envelope>(`/webhooks/trello/${ws.connector.id}`, body, { 'content-type': 'application/json' });
    expect(trello).toMatchObject({ status: 404, body: { error: { code: 'unknown_connector' } } });
  });
});
