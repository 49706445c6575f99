import { durationDays, instantMs, isoOf, MS_PER_DAY } from './duration.util';
import {
  addLocalDays,
  assertTimeZone,
  endOfLocalDay,
  localDateOf,
  localDateRange,
  startOfLocalDay,
  weekStartOf,
} from './local-day.util';

const HOUR = 3_600_000;
const ms = (iso: string) => Date.parse(iso);

describe('local days', () => {
  it('starts Berlin days at local midnight on both sides of the spring change', () => {
    // CET (UTC+1) until 2024-03-31 02:00 local, CEST (UTC+2) after
    expect(isoOf(startOfLocalDay('2024-03-31', 'Europe/Berlin'))).toBe('2024-03-30T23:00:00.000Z');
    expect(isoOf(endOfLocalDay('2024-03-31', 'Europe/Berlin'))).toBe('2024-03-31T22:00:00.000Z');
    // 2024-03-31 lasts 23 hours, 2024-10-27 lasts 25
    const length = (date: string) => endOfLocalDay(date, 'Europe/Berlin') - startOfLocalDay(date, 'Europe/Berlin');
    expect(length('2024-03-31')).toBe(23 * HOUR);
    expect(length('2024-10-27')).toBe(25 * HOUR);
    expect(length('2024-04-01')).toBe(24 * HOUR);
  });

  it('handles New York changes (23h in March, 25h in November)', () => {
    const length = (date: string) =>
      endOfLocalDay(date, 'America/New_York') - startOfLocalDay(date, 'America/New_York');
    expect(length('2024-03-10')).toBe(23 * HOUR);
    expect(length('2024-11-03')).toBe(25 * HOUR);
    // EST is UTC-5: 2024-11-04 begins at 05:00Z
    expect(isoOf(startOfLocalDay('2024-11-04', 'America/New_York'))).toBe('2024-11-04T05:00:00.000Z');
  });

  it('begins a day without a midnight at its first existing instant (Santiago, 2024-09-08)', () => {
    // clocks jump from 00:00 to 01:00 (UTC-4 -> UTC-3): the day begins at 01:00 local = 04:00Z
    expect(isoOf(startOfLocalDay('2024-09-08', 'America/Santiago'))).toBe('2024-09-08T04:00:00.000Z');
    expect(localDateOf(ms('2024-09-08T03:59:59.999Z'), 'America/Santiago')).toBe('2024-09-07');
    expect(localDateOf(ms('2024-09-08T04:00:00.000Z'), 'America/Santiago')).toBe('2024-09-08');
  });

  it('gives the local date of an instant in the zone', () => {
    // 22:30Z on 31 March is 00:30 CEST on 1 April
    expect(localDateOf(ms('2024-03-31T22:30:00.000Z'), 'Europe/Berlin')).toBe('2024-04-01');
    expect(localDateOf(ms('2024-03-31T22:30:00.000Z'), 'UTC')).toBe('2024-03-31');
    expect(localDateOf(ms('2024-11-04T04:30:00.000Z'), 'America/New_York')).toBe('2024-11-03');
  });

  it('starts weeks on Monday', () => {
    expect(weekStartOf('2024-03-31')).toBe('2024-03-25'); // Sunday
    expect(weekStartOf('2024-04-01')).toBe('2024-04-01'); // Monday
    expect(weekStartOf('2024-01-03')).toBe('2024-01-01'); // across a year end: Wednesday
    expect(weekStartOf('2025-01-01')).toBe('2024-12-30');
  });

  it('lists inclusive date ranges and does calendar arithmetic', () => {
    expect(localDateRange('2024-02-27', '2024-03-01')).toEqual(['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01']);
    expect(localDateRange('2024-05-05', '2024-05-05')).toEqual(['2024-05-05']);
    expect(addLocalDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(() => localDateRange('2024-05-06', '2024-05-05')).toThrow(RangeError);
  });

  it('rejects bad zones, dates and instants', () => {
    expect(() => assertTimeZone('Mars/Olympus')).toThrow(RangeError);
    expect(() => startOfLocalDay('2024-02-30', 'UTC')).toThrow(RangeError);
    expect(() => startOfLocalDay('24-02-01', 'UTC')).toThrow(RangeError);
    expect(() => instantMs('yesterday')).toThrow(RangeError);
  });

  it('measures durations as elapsed days, not calendar days', () => {
    // across Berlin's 23h day: local midnight 30 March to local midnight 1 April is 47h
    const start = startOfLocalDay('2024-03-30', 'Europe/Berlin');
    const end = startOfLocalDay('2024-04-01', 'Europe/Berlin');
    expect(durationDays(start, end)).toBeCloseTo(47 / 24, 12);
    expect(durationDays(0, MS_PER_DAY * 1.25)).toBe(1.25);
  });
});
