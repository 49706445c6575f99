import { z } from 'zod';
import { fakeFetch, scripted } from '../testing/fake-fetch';
import { JiraApiError } from './jira-api.error';
import { JiraRestClient, type JiraRestClientOptions } from './jira-rest.client';

const ok = { status: 200, body: { count: 7 } };
const countSchema = z.object({ count: z.number() });

function client(route: Parameters<typeof fakeFetch>[0], options: Partial<JiraRestClientOptions> = {}) {
  const { fetch, calls } = fakeFetch(route);
  const sleeps: number[] = [];
  const rest = new JiraRestClient({
    baseUrl: 'https://acme-flow.atlassian.net',
    auth: { kind: 'basic', email: 'bot@acme-flow.io', apiToken: 'ATATT3xFfGF0-token' },
    fetch,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    now: () => Date.parse('2024-03-01T12:00:00.000Z'),
    random: () => 0.5,
    ...options,
  });
  return { rest, calls, sleeps };
}

describe('JiraRestClient', () => {
  it('sends basic auth, JSON accept and the query', async () => {
    const { rest, calls } = client(() => ok);
    await expect(rest.get('/rest/api/3/search/jql', { jql: 'project = KAN', nextPageToken: undefined, maxResults: 50 }, countSchema)).resolves.toEqual({ count: 7 });
    const [call] = calls;
    expect(call?.url.pathname).toBe('/rest/api/3/search/jql');
    expect(Object.fromEntries(call?.url.searchParams ?? [])).toEqual({ jql: 'project = KAN', maxResults: '50' });
    expect(call?.headers['Authorization']).toBe(`Basic ${Buffer.from('bot@acme-flow.io:ATATT3xFfGF0-token').toString('base64')}`);
    expect(call?.headers['Accept']).toBe('application/json');
  });

  it('sends a bearer token and keeps a base path', async () => {
    const { rest, calls } = client(() => ok, { baseUrl: 'https://proxy.acme.io/jira', auth: { kind: 'bearer', token: 'oauth-token' } });
    await rest.post('/rest/api/3/search/approximate-count', { jql: 'project = KAN' }, countSchema);
    expect(calls[0]?.url.toString()).toBe('https://proxy.acme.io/jira/rest/api/3/search/approximate-count');
    expect(calls[0]?.headers['Authorization']).toBe('Bearer oauth-token');
    expect(calls[0]?.body).toBe('{"jql":"project = KAN"}');
  });

  it('waits as long as Retry-After says on 429 (seconds) and 503 (HTTP date)', async () => {
    const { rest, sleeps, calls } = client(
      scripted([
        { status: 429, headers: { 'Retry-After': '3' } },
        { status: 503, headers: { 'Retry-After': 'Fri, 01 Mar 2024 12:00:10 GMT' } },
        ok,
      ]),
    );
    await expect(rest.get('/x', {}, countSchema)).resolves.toEqual({ count: 7 });
    expect(sleeps).toEqual([3000, 10_000]);
    expect(calls).toHaveLength(3);
  });

  it('backs off exponentially with jitter when Jira gives no Retry-After, and reports each retry', async () => {
    const notices: number[] = [];
    const { rest, sleeps } = client(scripted([{ status: 503 }, { status: 503 }, { status: 429 }, ok]), {
      retry: { baseDelayMs: 100, maxDelayMs: 300 },
      onRetry: (notice) => notices.push(notice.attempt),
    });
    await rest.get('/x', {}, countSchema);
    expect(sleeps).toEqual([75, 150, 225]);
    expect(notices).toEqual([1, 2, 3]);
  });

  it('gives up after maxRetries with a JiraApiError naming the status', async () => {
    const { rest, calls } = client(() => ({ status: 429, headers: { 'Retry-After': '1' } }), { retry: { maxRetries: 2 } });
    await expect(rest.get('/x', {}, countSchema)).rejects.toMatchObject({ name: 'JiraApiError', status: 429 });
    expect(calls).toHaveLength(3);
  });

  it('retries network failures, then fails', async () => {
    let failures = 0;
    const { rest, sleeps } = client(() => {
      failures += 1;
      if (failures <= 2) throw new TypeError('fetch failed');
      return ok;
    });
    await expect(rest.get('/x', {}, countSchema)).resolves.toEqual({ count: 7 });
    expect(sleeps).toHaveLength(2);
    const broken = client(() => {
      throw new TypeError('fetch failed');
    }, { retry: { maxRetries: 1 } });
    await expect(broken.rest.get('/x', {}, countSchema)).rejects.toBeInstanceOf(JiraApiError);
  });

  it('does not retry other errors and reports the body', async () => {
    const { rest, calls } = client(() => ({ status: 401, body: { errorMessages: ['Client must be authenticated to access this resource.'] } }));
    await expect(rest.get('/x', {}, countSchema)).rejects.toThrow(/401: .*Client must be authenticated/);
    expect(calls).toHaveLength(1);
  });

  it('rejects bodies that are not JSON or not the expected shape', async () => {
    await expect(client(() => ({ status: 200, body: '<html>maintenance</html>' })).rest.get('/x', {}, countSchema)).rejects.toThrow(/non-JSON/);
    await expect(client(() => ({ status: 200, body: { count: 'many' } })).rest.get('/x', {}, countSchema)).rejects.toThrow(/unexpected shape at count/);
  });
});
