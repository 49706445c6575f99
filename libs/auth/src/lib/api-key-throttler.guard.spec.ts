import { issueApiKey } from './api-key.codec';
import { rateLimitTracker } from './api-key-throttler.guard';

describe('rateLimitTracker', () => {
  it('counts a workspace key by its public prefix and leaves other callers alone', () => {
    const key = issueApiKey();
    expect(rateLimitTracker({ headers: { authorization: `Bearer ${key.key}` } })).toBe(`api-key:${key.prefix}`);
    expect(rateLimitTracker({ headers: { authorization: 'Bearer admin-token-of-the-operator' } })).toBeNull();
    expect(rateLimitTracker({ headers: {} })).toBeNull();
  });
});
