import { parseRetryAfter, retryDelayMs } from './retry-delay.util';

const policy = { initialMs: 1000, maxMs: 30_000 };
const now = Date.parse('2024-04-03T08:00:00.000Z');

describe('retryDelayMs', () => {
  it('honours Retry-After in seconds and as an HTTP date', () => {
    expect(retryDelayMs('7', 1, policy, now)).toBe(7000);
    expect(retryDelayMs('0.5', 3, policy, now)).toBe(500);
    expect(retryDelayMs('Wed, 03 Apr 2024 08:00:12 GMT', 1, policy, now)).toBe(12_000);
    expect(retryDelayMs('Wed, 03 Apr 2024 07:59:00 GMT', 1, policy, now)).toBe(0);
  });

  it('backs off exponentially without the header', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(null, attempt, policy, now))).toEqual([1000, 2000, 4000, 8000]);
  });

  it('caps every delay, the server-asked one included', () => {
    expect(retryDelayMs(null, 12, policy, now)).toBe(30_000);
    expect(retryDelayMs('3600', 1, policy, now)).toBe(30_000);
  });

  it('ignores an unreadable header', () => {
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('  ', now)).toBeNull();
    expect(retryDelayMs('soon', 2, policy, now)).toBe(2000);
  });
});
