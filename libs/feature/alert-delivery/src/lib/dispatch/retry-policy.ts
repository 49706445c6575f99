/** The longest wait between two tries of one delivery. */
export const MAX_BACKOFF_MS = 3_600_000;
/** An attempt that has not been answered by then counts as failed (and is retried). */
export const SEND_TIMEOUT_MS = 10_000;

/** What one try of a delivery came to. `retry` may be tried again; `fail` never. */
export type SendOutcome = { readonly kind: 'sent' } | { readonly kind: 'retry'; readonly error: string } | { readonly kind: 'fail'; readonly error: string };

export const sent: SendOutcome = { kind: 'sent' };
export const retryable = (error: string): SendOutcome => ({ kind: 'retry', error });
export const permanent = (error: string): SendOutcome => ({ kind: 'fail', error });

/** The wait after the `attempt`-th failed try (1-based): base, 2 × base, 4 × base … at most one hour. */
export function backoffMs(attempt: number, baseMs: number): number {
  return Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 40)));
}

/** A 2xx is sent; 5xx, 408 and 429 are retried; every other answer fails the delivery at once. */
export function outcomeOfStatus(status: number, statusText = ''): SendOutcome {
  if (status >= 200 && status < 300) return sent;
  const error = `HTTP ${status}${statusText ? ` ${statusText}` : ''}`;
  if (status >= 500 || status === 408 || status === 429) return retryable(error);
  return permanent(error);
}

export type NextStep = { readonly status: 'sent' } | { readonly status: 'retrying'; readonly nextAttemptAt: Date; readonly error: string } | { readonly status: 'failed'; readonly error: string };

/** Where a delivery stands after its `attempts`-th try (attempts counts every try, this one included). */
export function nextStep(outcome: SendOutcome, attempts: number, policy: { readonly baseMs: number; readonly maxAttempts: number }, now: Date): NextStep {
  if (outcome.kind === 'sent') return { status: 'sent' };
  if (outcome.kind === 'fail') return { status: 'failed', error: outcome.error };
  if (attempts >= policy.maxAttempts) return { status: 'failed', error: `${outcome.error} (gave up after ${attempts} attempts)` };
  return { status: 'retrying', nextAttemptAt: new Date(now.getTime() + backoffMs(attempts, policy.baseMs)), error: outcome.error };
}
