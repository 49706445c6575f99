import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppProcess } from './app-process';

/** A small JSON client for the public API, as outside tools call it. */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly token?: string,
  ) {}

  withToken(token: string): ApiClient {
    return new ApiClient(this.baseUrl, token);
  }

  async request<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T; headers: Headers }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...(body !== undefined && typeof body !== 'string' && !Buffer.isBuffer(body) ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  get<T = unknown>(path: string) {
    return this.request<T>('GET', path);
  }

  /** A GET's status and body text, unparsed: a benchmark's latency ends when the answer has arrived. */
  async getText(path: string): Promise<{ status: number; text: string }> {
    const response = await fetch(`${this.baseUrl}${path}`, { headers: this.token ? { authorization: `Bearer ${this.token}` } : {} });
    return { status: response.status, text: await response.text() };
  }

  post<T = unknown>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body, headers);
  }

  put<T = unknown>(path: string, body?: unknown) {
    return this.request<T>('PUT', path, body);
  }
}

/** Creates a workspace (admin token) and a signed connector; returns the workspace client and ids. */
export async function setUpWorkspace(
  api: ApiClient,
  adminToken: string,
  connector: { type: 'jira' | 'trello' | 'generic'; secret?: string; callbackUrl?: string; settings?: Record<string, unknown> },
  timezone = 'UTC',
) {
  const ws = await api.withToken(adminToken).post<{ id: string; apiKey: string }>('/api/v1/workspaces', { name: `ws-${Date.now()}`, timezone });
  if (ws.status !== 201) throw new Error(`workspace creation failed: ${ws.status} ${JSON.stringify(ws.body)}`);
  const client = api.withToken(ws.body.apiKey);
  const created = await client.post<{ id: string; webhookPath: string; webhookToken: string }>('/api/v1/connectors', { name: `${connector.type} connector`, ...connector });
  if (created.status !== 201) throw new Error(`connector creation failed: ${created.status} ${JSON.stringify(created.body)}`);
  return { workspaceId: ws.body.id, apiKey: ws.body.apiKey, client, connector: created.body };
}

export interface StandaloneWorkspace {
  readonly app: AppProcess;
  readonly api: ApiClient;
  readonly ws: Awaited<ReturnType<typeof setUpWorkspace>>;
  /** Stops the process (SIGTERM), removes its data dir, and answers its exit code. */
  stop(): Promise<number | null>;
}

/** A standalone process on a fresh data dir (no demo), with one workspace and its connector. */
export async function startStandaloneWorkspace(
  adminToken: string,
  connector: Parameters<typeof setUpWorkspace>[2],
  env: Record<string, string> = {},
): Promise<StandaloneWorkspace> {
  const dataDir = mkdtempSync(join(tmpdir(), 'flowlens-standalone-'));
  const app = await AppProcess.start('standalone', { FLOWLENS_DATA_DIR: dataDir, FLOWLENS_ADMIN_TOKEN: adminToken, FLOWLENS_DEMO: 'false', ...env });
  const stop = async () => {
    const code = await app.stop('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
    return code;
  };
  try {
    await app.waitReady();
    const api = new ApiClient(app.url);
    return { app, api, ws: await setUpWorkspace(api, adminToken, connector), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
