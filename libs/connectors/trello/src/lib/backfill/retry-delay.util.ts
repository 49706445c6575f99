/**
 * How long to wait before retrying: the server's `Retry-After` (delta seconds or an HTTP date) when
 * it sends one, else exponential backoff from `initialMs`; always capped at `maxMs`.
 */
export function retryDelayMs(
  retryAfter: string | null,
  attempt: number,
  policy: { readonly initialMs: number; readonly maxMs: number },
  now: number,
): number {
  const fromHeader = parseRetryAfter(retryAfter, now);
  const delay = fromHeader ?? policy.initialMs * 2 ** Math.max(0, attempt - 1);
  return Math.min(Math.max(0, delay), policy.maxMs);
}

export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
