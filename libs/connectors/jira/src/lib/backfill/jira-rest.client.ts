import type { z } from 'zod';
import { JiraApiError } from './jira-api.error';
import { backoffMs, DEFAULT_RETRY_POLICY, RETRYABLE_STATUSES, retryAfterMs, type RetryPolicy } from './retry-policy';

export type JiraAuth = { readonly kind: 'basic'; readonly email: string; readonly apiToken: string } | { readonly kind: 'bearer'; readonly token: string };

/** The part of WHATWG fetch the client uses, so tests can pass a fake. */
export interface FetchResponseLike {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}
export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => Promise<FetchResponseLike>;

export interface RetryNotice {
  readonly url: string;
  readonly status: number | null;
  readonly attempt: number;
  readonly delayMs: number;
}

export interface JiraRestClientOptions {
  /** Site root, e.g. `https://acme.atlassian.net`. */
  readonly baseUrl: string;
  readonly auth: JiraAuth;
  readonly fetch?: FetchLike;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly retry?: Partial<RetryPolicy>;
  readonly now?: () => number;
  readonly random?: () => number;
  readonly onRetry?: (notice: RetryNotice) => void;
}

export type Query = Readonly<Record<string, string | number | undefined>>;

/** JSON over HTTP to one Jira site, with throttling handled. No framework, no state beyond options. */
export class JiraRestClient {
  private readonly fetch: FetchLike;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly policy: RetryPolicy;
  private readonly authorization: string;

  constructor(private readonly options: JiraRestClientOptions) {
    this.fetch = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.authorization =
      options.auth.kind === 'basic'
        ? `Basic ${Buffer.from(`${options.auth.email}:${options.auth.apiToken}`).toString('base64')}`
        : `Bearer ${options.auth.token}`;
  }

  get<S extends z.ZodType>(path: string, query: Query, schema: S): Promise<z.output<S>> {
    return this.request('GET', this.url(path, query), undefined, schema);
  }

  post<S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<z.output<S>> {
    return this.request('POST', this.url(path, {}), JSON.stringify(body), schema);
  }

  private url(path: string, query: Query): string {
    // Relative resolution keeps a base path (a proxy's `/jira`), which a leading slash would drop.
    const base = this.options.baseUrl.endsWith('/') ? this.options.baseUrl : `${this.options.baseUrl}/`;
    const url = new URL(path.replace(/^\/+/, ''), base);
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    return url.toString();
  }

  private async request<S extends z.ZodType>(method: string, url: string, body: string | undefined, schema: S): Promise<z.output<S>> {
    const headers: Record<string, string> = { Accept: 'application/json', Authorization: this.authorization };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    for (let attempt = 0; ; attempt += 1) {
      let response: FetchResponseLike | null = null;
      try {
        response = await this.fetch(url, { method, headers, body });
      } catch (error) {
        if (attempt >= this.policy.maxRetries) throw new JiraApiError(`${method} ${url} failed: ${String(error)}`, null, url);
      }
      if (response && !RETRYABLE_STATUSES.has(response.status)) return this.read(method, url, response, schema);
      if (response && attempt >= this.policy.maxRetries) {
        throw new JiraApiError(`${method} ${url} still ${response.status} after ${attempt} retries`, response.status, url);
      }
      const delayMs = this.delayMs(response, attempt);
      this.options.onRetry?.({ url, status: response?.status ?? null, attempt: attempt + 1, delayMs });
      await this.sleep(delayMs);
    }
  }

  private delayMs(response: FetchResponseLike | null, attempt: number): number {
    const now = this.options.now ?? Date.now;
    const told = response ? retryAfterMs(response.headers.get('retry-after'), now()) : null;
    return told ?? backoffMs(attempt, this.policy, this.options.random ?? Math.random);
  }

  private async read<S extends z.ZodType>(method: string, url: string, response: FetchResponseLike, schema: S): Promise<z.output<S>> {
    const text = await response.text();
    if (response.status < 200 || response.status >= 300) {
      throw new JiraApiError(`${method} ${url} answered ${response.status}: ${text.slice(0, 300)}`, response.status, url);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new JiraApiError(`${method} ${url} answered non-JSON`, response.status, url);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new JiraApiError(`${method} ${url} answered an unexpected shape at ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`, response.status, url);
    }
    return parsed.data;
  }
}
