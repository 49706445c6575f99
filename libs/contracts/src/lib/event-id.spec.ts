import { deterministicEventId } from './event-id';

describe('deterministicEventId', () => {
  it('is stable for the same parts and differs for different parts', () => {
    const a = deterministicEventId('ws', 'jira', '10001', 0);
    expect(deterministicEventId('ws', 'jira', '10001', 0)).toBe(a);
    expect(deterministicEventId('ws', 'jira', '10001', 1)).not.toBe(a);
    expect(deterministicEventId('ws', 'jira', '1000', '10')).not.toBe(deterministicEventId('ws', 'jira', '10001', 0));
  });

  it('formats a version-8 RFC 9562 UUID', () => {
    expect(deterministicEventId('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('does not confuse part boundaries', () => {
    expect(deterministicEventId('ab', 'c')).not.toBe(deterministicEventId('a', 'bc'));
  });
});
