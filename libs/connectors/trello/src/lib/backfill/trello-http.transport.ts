import { retryDelayMs } from './retry-delay.util';
import { TrelloApiError } from './trello-api.error';

export interface TrelloTransportOptions {
  /** API key and member token, sent as query parameters as Trello expects. */
  readonly key: string;
  readonly token: string;
  /** Default `https://api.trello.com`; a proxy prefix (`https://proxy/trello`) is kept. */
  readonly baseUrl?: string;
  readonly fetch?: typeof fetch;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
  /** Attempts per request, the first included (default 8). */
  readonly maxAttempts?: number;
  readonly initialBackoffMs?: number;
  readonly maxBackoffMs?: number;
}

const RETRYABLE = (status: number) => status === 429 || status >= 500;

/** GETs JSON from Trello, waiting out 429s (honouring Retry-After) and 5xx/network errors. */
export class TrelloHttpTransport {
  private readonly fetchFn: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private readonly baseUrl: string;

  constructor(private readonly options: TrelloTransportOptions) {
    this.fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.now = options.now ?? Date.now;
    this.baseUrl = (options.baseUrl ?? 'https://api.trello.com').replace(/\/+$/, '');
  }

  async getJson(path: string, query: Record<string, string>): Promise<unknown> {
    const params = new URLSearchParams({ ...query, key: this.options.key, token: this.options.token });
    const url = `${this.baseUrl}${path}?${params.toString()}`;
    const maxAttempts = this.options.maxAttempts ?? 8;
    const policy = { initialMs: this.options.initialBackoffMs ?? 1000, maxMs: this.options.maxBackoffMs ?? 60_000 };
    let last = 'no attempt made';
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      let response: Response;
      try {
        response = await this.fetchFn(url, { headers: { accept: 'application/json' } });
      } catch (error) {
        last = `network error: ${error instanceof Error ? error.message : String(error)}`;
        if (attempt < maxAttempts) await this.sleep(retryDelayMs(null, attempt, policy, this.now()));
        continue;
      }
      if (response.ok) return this.readJson(response, path);
      const body = (await response.text()).slice(0, 200);
      last = `HTTP ${response.status} ${body}`.trim();
      if (!RETRYABLE(response.status)) throw new TrelloApiError(response.status, `GET ${path} failed: ${last}`);
      if (attempt < maxAttempts) await this.sleep(retryDelayMs(response.headers.get('retry-after'), attempt, policy, this.now()));
    }
    throw new TrelloApiError(429, `GET ${path} gave up after ${maxAttempts} attempts (${last})`);
  }

  private async readJson(response: Response, path: string): Promise<unknown> {
    const body = await response.text();
    try {
      return JSON.parse(body) as unknown;
    } catch {
      throw new TrelloApiError(response.status, `GET ${path} answered ${response.status} with a body that is not JSON`);
    }
  }
}
