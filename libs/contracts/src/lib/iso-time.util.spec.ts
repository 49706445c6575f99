import { isLocalDate, offsetInstant } from './iso-time.util';

describe('offsetInstant', () => {
  it.each([
    ['2024-03-04T10:15:00Z', '2024-03-04T10:15:00.000Z'],
    ['2024-03-04T10:15:00+01:00', '2024-03-04T09:15:00.000Z'],
    ['2024-03-04T10:15:00-0530', '2024-03-04T15:45:00.000Z'],
    ['2024-03-04T10:15+02', '2024-03-04T08:15:00.000Z'],
    ['2024-03-04T10:15:00.123456789+00:00', '2024-03-04T10:15:00.123Z'],
    ['2024-03-04T10:15:00,5Z', '2024-03-04T10:15:00.500Z'],
    ['2024-12-31T23:30:00-01:00', '2025-01-01T00:30:00.000Z'],
    ['2024-02-29T12:00:00Z', '2024-02-29T12:00:00.000Z'],
  ])('reads %s as %s', (input, expected) => {
    expect(offsetInstant(input)).toBe(expected);
  });

  it.each(['2024-03-04T10:15:00', '2024-03-04', '2023-02-29T12:00:00Z', '2024-04-31T00:00:00Z', '2024-03-04T24:00:00Z', '2024-03-04T10:60:00Z', '2024-03-04T10:15:60Z', '2024-03-04T10:15:00+24:00', 'yesterday'])(
    'rejects %s',
    (input) => {
      expect(offsetInstant(input)).toBeNull();
    },
  );
});

describe('isLocalDate', () => {
  it('accepts real calendar dates only', () => {
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2023-02-29')).toBe(false);
    expect(isLocalDate('2024-13-01')).toBe(false);
    expect(isLocalDate('2024-1-01')).toBe(false);
  });
});
