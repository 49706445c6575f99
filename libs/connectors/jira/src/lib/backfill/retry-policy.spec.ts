import { backoffMs, DEFAULT_RETRY_POLICY, retryAfterMs } from './retry-policy';

describe('retryAfterMs', () => {
  const now = Date.parse('2024-03-01T12:00:00.000Z');

  it('reads delta-seconds', () => {
    expect(retryAfterMs('5', now)).toBe(5000);
    expect(retryAfterMs('0', now)).toBe(0);
    expect(retryAfterMs(' 1.5 ', now)).toBe(1500);
  });

  it('reads an HTTP date relative to now, never negative', () => {
    expect(retryAfterMs('Fri, 01 Mar 2024 12:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Fri, 01 Mar 2024 11:00:00 GMT', now)).toBe(0);
  });

  it('returns null when absent or unreadable', () => {
    expect(retryAfterMs(null, now)).toBeNull();
    expect(retryAfterMs('', now)).toBeNull();
    expect(retryAfterMs('soon', now)).toBeNull();
  });
});

describe('backoffMs', () => {
  it('doubles per attempt with equal jitter and stops at the cap', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 1000, maxDelayMs: 8000 };
    expect([0, 1, 2, 3, 4, 10].map((attempt) => backoffMs(attempt, policy, () => 1))).toEqual([1000, 2000, 4000, 8000, 8000, 8000]);
    expect(backoffMs(2, policy, () => 0)).toBe(2000);
    expect(backoffMs(2, policy, () => 0.5)).toBe(3000);
  });
});
