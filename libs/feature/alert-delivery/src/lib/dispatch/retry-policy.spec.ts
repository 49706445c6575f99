import { backoffMs, MAX_BACKOFF_MS, nextStep, outcomeOfStatus, permanent, retryable, sent } from './retry-policy';

describe('retry policy', () => {
  it('doubles the wait from the base and stops at one hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((attempt) => backoffMs(attempt, 30_000))).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, MAX_BACKOFF_MS]);
    expect(backoffMs(10, 30_000)).toBe(MAX_BACKOFF_MS);
    expect(backoffMs(500, 1)).toBe(MAX_BACKOFF_MS);
    expect(backoffMs(1, 50)).toBe(50);
  });

  it('retries 5xx, 408 and 429, fails other 4xx at once and takes every 2xx as sent', () => {
    expect([200, 201, 202, 204, 299].map((s) => outcomeOfStatus(s).kind)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent']);
    expect([500, 502, 503, 504, 408, 429].map((s) => outcomeOfStatus(s).kind)).toEqual(['retry', 'retry', 'retry', 'retry', 'retry', 'retry']);
    expect([400, 401, 403, 404, 410, 413, 422, 301, 302].map((s) => outcomeOfStatus(s).kind)).toEqual(['fail', 'fail', 'fail', 'fail', 'fail', 'fail', 'fail', 'fail', 'fail']);
    expect(outcomeOfStatus(503, 'Service Unavailable')).toEqual({ kind: 'retry', error: 'HTTP 503 Service Unavailable' });
  });

  it('schedules the next try after a retryable failure until the cap, then gives up', () => {
    const now = new Date('2026-01-05T10:00:00.000Z');
    const policy = { baseMs: 30_000, maxAttempts: 3 };
    expect(nextStep(sent, 1, policy, now)).toEqual({ status: 'sent' });
    expect(nextStep(retryable('HTTP 503'), 1, policy, now)).toEqual({ status: 'retrying', nextAttemptAt: new Date('2026-01-05T10:00:30.000Z'), error: 'HTTP 503' });
    expect(nextStep(retryable('HTTP 503'), 2, policy, now)).toEqual({ status: 'retrying', nextAttemptAt: new Date('2026-01-05T10:01:00.000Z'), error: 'HTTP 503' });
    expect(nextStep(retryable('HTTP 503'), 3, policy, now)).toEqual({ status: 'failed', error: 'HTTP 503 (gave up after 3 attempts)' });
    expect(nextStep(permanent('HTTP 400'), 1, policy, now)).toEqual({ status: 'failed', error: 'HTTP 400' });
  });
});
