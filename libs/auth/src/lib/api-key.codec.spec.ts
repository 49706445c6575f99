import { issueApiKey, parseApiKey } from './api-key.codec';
import { safeEqual } from './token.util';

describe('API keys', () => {
  it('issues keys that parse back to the same prefix and hash', () => {
    const issued = issueApiKey();
    expect(issued.key).toMatch(/^flk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(parseApiKey(issued.key)).toEqual({ prefix: issued.prefix, hash: issued.hash });
    expect(issued.hash).not.toContain(issued.key.slice(-10));
  });

  it('issues different keys every time', () => {
    expect(issueApiKey().key).not.toBe(issueApiKey().key);
  });

  it.each(['', 'flk_abc', `flk_${'g'.repeat(16)}_${'a'.repeat(43)}`, `Bearer flk_${'a'.repeat(16)}_${'a'.repeat(43)}`])('rejects malformed key %p', (key) => {
    expect(parseApiKey(key)).toBeNull();
  });

  it('compares digests in constant time and only when lengths match', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
  });
});
