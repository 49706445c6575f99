import { repairOffset, toIsoInstant, tryIsoInstant } from './time';

describe('toIsoInstant', () => {
  it('parses Jira offsets without a colon', () => {
    expect(toIsoInstant('2024-01-15T10:23:45.123+0000')).toBe('2024-01-15T10:23:45.123Z');
    expect(toIsoInstant('2024-01-15T10:23:45.123-0530')).toBe('2024-01-15T15:53:45.123Z');
    expect(toIsoInstant('2024-01-15T10:23:45.123+0200')).toBe('2024-01-15T08:23:45.123Z');
  });

  it('accepts ISO with a colon offset, Z, epoch millis and Dates', () => {
    expect(toIsoInstant('2024-01-15T10:23:45+01:00')).toBe('2024-01-15T09:23:45.000Z');
    expect(toIsoInstant('2024-01-15T10:23:45.1Z')).toBe('2024-01-15T10:23:45.100Z');
    expect(toIsoInstant(0)).toBe('1970-01-01T00:00:00.000Z');
    expect(toIsoInstant(new Date(Date.UTC(2024, 0, 1)))).toBe('2024-01-01T00:00:00.000Z');
  });

  it('rejects garbage with a RangeError and tryIsoInstant returns null', () => {
    expect(() => toIsoInstant('yesterday')).toThrow(RangeError);
    expect(tryIsoInstant('yesterday')).toBeNull();
    expect(tryIsoInstant(undefined)).toBeNull();
  });

  it('leaves strings without a trailing compact offset alone', () => {
    expect(repairOffset('2024-01-15T10:23:45Z')).toBe('2024-01-15T10:23:45Z');
  });
});
