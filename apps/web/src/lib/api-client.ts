/** The error envelope of the public API, `{ error: { code, message, details } }`, as a thrown error. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ReadonlyArray<{ path?: string; message?: string }> = [],
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }

  /** One readable line: the message and, when the API named them, the offending fields. */
  get readable(): string {
    const parts = this.details.map((d) => [d.path, d.message].filter(Boolean).join(': ')).filter(Boolean);
    return parts.length > 0 ? `${this.message} (${parts.join('; ')})` : this.message;
  }
}

export type QueryValue = string | number | boolean | null | undefined | readonly string[];
export type QueryParams = Record<string, QueryValue>;

/** `?a=1&b=x&b=y`, skipping empty values; arrays repeat the name as the API accepts. */
export function toSearch(params: QueryParams | URLSearchParams | undefined): string {
  if (!params) return '';
  const search = params instanceof URLSearchParams ? new URLSearchParams(params) : new URLSearchParams();
  if (!(params instanceof URLSearchParams)) {
    for (const [name, value] of Object.entries(params)) {
      if (value === undefined || value === null || value === '') continue;
      if (Array.isArray(value)) for (const v of value) search.append(name, v);
      else search.append(name, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export interface ApiClient {
  get<T>(path: string, params?: QueryParams | URLSearchParams): Promise<T>;
  send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T>;
}

/** Calls `/api/v1/...` with the workspace key; `onUnauthorized` runs when the key stops working. */
export function createApiClient(apiKey: string, onUnauthorized: () => void = () => undefined): ApiClient {
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${apiKey}`, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`/api/v1/${path.replace(/^\//, '')}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (error) {
      throw new ApiRequestError(0, 'network_error', `the Flowlens API could not be reached (${(error as Error).message})`);
    }
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    const json = text ? safeJson(text) : undefined;
    if (!response.ok) {
      if (response.status === 401) onUnauthorized();
      const envelope = (json as { error?: { code?: string; message?: string; details?: [] } } | undefined)?.error;
      throw new ApiRequestError(response.status, envelope?.code ?? `http_${response.status}`, envelope?.message ?? `the API answered ${response.status} ${response.statusText}`, envelope?.details ?? []);
    }
    return json as T;
  }
  return {
    get: (path, params) => call('GET', `${path}${toSearch(params)}`),
    send: (method, path, body) => call(method, path, body),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
