import { dueSend, lastCompleteWeek, weeksBefore } from './digest-week';

describe('digest weeks', () => {
  it('covers the last complete local week, Monday to Sunday', () => {
    // Thursday 3 December 2026, 10:00 UTC.
    expect(lastCompleteWeek(Date.parse('2026-12-03T10:00:00Z'), 'UTC')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    // Monday 00:30 in Berlin is still Sunday in UTC: the zone decides.
    expect(lastCompleteWeek(Date.parse('2026-11-29T23:30:00Z'), 'Europe/Berlin')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(lastCompleteWeek(Date.parse('2026-11-29T23:30:00Z'), 'UTC')).toEqual({ from: '2026-11-16', to: '2026-11-22' });
  });

  it('lists the previous weeks oldest first', () => {
    expect(weeksBefore({ from: '2026-11-23', to: '2026-11-29' }, 2)).toEqual([
      { from: '2026-11-09', to: '2026-11-15' },
      { from: '2026-11-16', to: '2026-11-22' },
    ]);
  });

  it('is due once the weekday and local hour have come, once per week', () => {
    const monday8 = { weekday: 1, hour: 8, lastSentFor: null };
    // Monday 30 November 2026 in Berlin (UTC+1): 07:59 local is not yet, 08:00 is.
    expect(dueSend(monday8, Date.parse('2026-11-30T06:59:00Z'), 'Europe/Berlin')).toBeNull();
    expect(dueSend(monday8, Date.parse('2026-11-30T07:00:00Z'), 'Europe/Berlin')).toEqual({ sendDate: '2026-11-30', monday: '2026-11-30' });
    // Later in the week it is still due (a process that was down catches up) …
    expect(dueSend(monday8, Date.parse('2026-12-03T12:00:00Z'), 'Europe/Berlin')).toEqual({ sendDate: '2026-11-30', monday: '2026-11-30' });
    // … unless this week's send is recorded; last week's record does not count.
    expect(dueSend({ ...monday8, lastSentFor: '2026-11-30' }, Date.parse('2026-12-03T12:00:00Z'), 'Europe/Berlin')).toBeNull();
    expect(dueSend({ ...monday8, lastSentFor: '2026-11-23' }, Date.parse('2026-12-03T12:00:00Z'), 'Europe/Berlin')).not.toBeNull();
    // Sunday 23:00 is the last hour of the week.
    expect(dueSend({ weekday: 7, hour: 23, lastSentFor: null }, Date.parse('2026-12-06T21:59:00Z'), 'Europe/Berlin')).toBeNull();
    expect(dueSend({ weekday: 7, hour: 23, lastSentFor: null }, Date.parse('2026-12-06T22:00:00Z'), 'Europe/Berlin')).toEqual({ sendDate: '2026-12-06', monday: '2026-11-30' });
  });

  it('waits for next week when created after this week\'s slot', () => {
    const monday8 = { weekday: 1, hour: 8, lastSentFor: null };
    const wednesday = Date.parse('2026-12-02T12:00:00Z');
    expect(dueSend({ ...monday8, createdAt: new Date('2026-11-30T06:59:00Z') }, wednesday, 'Europe/Berlin')).not.toBeNull();
    expect(dueSend({ ...monday8, createdAt: new Date('2026-11-30T07:00:00Z') }, wednesday, 'Europe/Berlin')).toBeNull();
    expect(dueSend({ ...monday8, createdAt: new Date('2026-12-01T09:00:00Z') }, wednesday, 'Europe/Berlin')).toBeNull();
    // The Monday after, it is due.
    expect(dueSend({ ...monday8, createdAt: new Date('2026-12-01T09:00:00Z') }, Date.parse('2026-12-07T07:00:00Z'), 'Europe/Berlin')).toEqual({ sendDate: '2026-12-07', monday: '2026-12-07' });
  });

  it('keeps the local hour across a DST change (Sunday 29 March 2026 in Berlin skips 02:00)', () => {
    const sunday2 = { weekday: 7, hour: 2, lastSentFor: null };
    expect(dueSend(sunday2, Date.parse('2026-03-29T00:59:00Z'), 'Europe/Berlin')).toBeNull();
    // 01:00 UTC is 03:00 CEST: the skipped hour has passed.
    expect(dueSend(sunday2, Date.parse('2026-03-29T01:00:00Z'), 'Europe/Berlin')).toEqual({ sendDate: '2026-03-29', monday: '2026-03-23' });
  });
});
