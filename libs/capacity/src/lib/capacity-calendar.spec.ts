import { capacityOfDay, dailyCapacity, isoWeekday, type TeamCalendar } from './capacity-calendar';

const member = (name: string, fte: number, from: string | null = null, to: string | null = null, accountId: string | null = null) => ({ name, accountId, fte, from, to });
const team = (overrides: Partial<TeamCalendar> = {}): TeamCalendar => ({
  members: [member('Ada', 1), member('Bo', 0.5)],
  workingDays: [1, 2, 3, 4, 5],
  holidays: [],
  absences: [],
  focusFactor: 1,
  ...overrides,
});
// 2024-03-25 is a Monday; Berlin's clocks go forward on Sunday 2024-03-31 and back on 2024-10-27.
const week = (monday: string) => Array.from({ length: 7 }, (_, i) => new Date(Date.parse(`${monday}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10));

describe('capacity calendar', () => {
  it('knows ISO weekdays from the date alone', () => {
    expect(week('2024-03-25').map(isoWeekday)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('counts members × FTE on working weekdays only: 1.5 a weekday, 7.5 a week', () => {
    expect(dailyCapacity(team(), week('2024-03-25'))).toEqual([1.5, 1.5, 1.5, 1.5, 1.5, 0, 0]);
  });

  it('gives nothing on holidays (Good Friday 2024 leaves 4 × 1.5 = 6 that week; Easter Monday is 0)', () => {
    const easter = team({ holidays: ['2024-03-29', '2024-04-01'] });
    expect(dailyCapacity(easter, week('2024-03-25')).reduce((a, b) => a + b, 0)).toBe(6);
    expect(capacityOfDay(easter, '2024-04-01')).toBe(0);
  });

  it('counts a part-time member joining mid-window only from the day they join, and leavers until their last day', () => {
    const joining = team({ members: [member('Ada', 1), member('Cy', 0.6, '2024-03-27'), member('Di', 0.5, null, '2024-03-26')] });
    // Mon 1.5, Tue 1.5, Wed 1.6, Thu 1.6, Fri 1.6
    expect(dailyCapacity(joining, week('2024-03-25')).slice(0, 5)).toEqual([1.5, 1.5, 1.6, 1.6, 1.6]);
  });

  it('removes an absence over a weekend only on its working days (Fri–Mon: two days lost)', () => {
    const away = team({ absences: [{ member: 'Ada', from: '2024-03-29', to: '2024-04-01', fraction: 1 }] });
    const days = dailyCapacity(away, [...week('2024-03-25'), ...week('2024-04-01')]);
    expect(days.slice(4, 8)).toEqual([0.5, 0, 0, 0.5]);
    expect(days.reduce((a, b) => a + b, 0)).toBe(15 - 2);
  });

  it('adds overlapping absences, capped at 1, and matches a member by accountId', () => {
    const half = team({
      members: [member('Ada', 1, null, null, 'acc-1'), member('Bo', 0.5)],
      absences: [
        { member: 'acc-1', from: '2024-03-25', to: '2024-03-26', fraction: 0.5 },
        { member: 'acc-1', from: '2024-03-26', to: '2024-03-27', fraction: 0.75 },
      ],
    });
    expect(dailyCapacity(half, week('2024-03-25')).slice(0, 4)).toEqual([1, 0.5, 0.75, 1.5]);
  });

  it('scales by the focus factor and follows custom working weekdays (Sun–Thu)', () => {
    const focused = team({ focusFactor: 0.8, workingDays: [7, 1, 2, 3, 4] });
    expect(dailyCapacity(focused, week('2024-03-25')).map((v) => Math.round(v * 100) / 100)).toEqual([1.2, 1.2, 1.2, 1.2, 0, 0, 1.2]);
  });

  it('counts days, not hours: the DST weeks (23-hour and 25-hour Sundays) hold five working days like any other', () => {
    const t = team({ workingDays: [1, 2, 3, 4, 5, 6, 7] });
    expect(dailyCapacity(t, week('2024-03-25')).reduce((a, b) => a + b, 0)).toBe(10.5);
    expect(dailyCapacity(t, week('2024-10-21')).reduce((a, b) => a + b, 0)).toBe(10.5);
    expect(dailyCapacity(team(), week('2024-10-21')).reduce((a, b) => a + b, 0)).toBe(7.5);
  });
});
