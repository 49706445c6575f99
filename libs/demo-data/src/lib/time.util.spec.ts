import fc from 'fast-check';
import { toIsoInstant } from '@flowlens/contracts';
import { seededRng } from './random.util';
import { HOUR, isWeekend, jiraDateTime, jiraUserDate, nextWorkingMoment, weekdayOf } from './time.util';

const instant = fc.integer({ min: Date.parse('2020-01-01T00:00:00Z'), max: Date.parse('2030-01-01T00:00:00Z') });
const hourOf = (ms: number) => new Date(ms).getUTCHours();

describe('time utilities', () => {
  it("formats instants in Jira's +0000 form, which the contract reads back exactly", () => {
    expect(jiraDateTime(Date.parse('2024-01-15T10:23:45.123Z'))).toBe('2024-01-15T10:23:45.123+0000');
    fc.assert(fc.property(instant, (ms) => expect(Date.parse(toIsoInstant(jiraDateTime(ms)))).toBe(ms)));
  });

  it('renders version dates as Jira shows them to users', () => {
    expect(jiraUserDate(Date.parse('2024-02-12T00:00:00Z'))).toBe('12/Feb/24');
    expect(jiraUserDate(Date.parse('2026-09-06T15:00:00Z'))).toBe('06/Sep/26');
  });

  it('moves any moment into the next working hours, never backwards', () => {
    fc.assert(
      fc.property(instant, fc.integer(), (ms, seed) => {
        const moved = nextWorkingMoment(ms, seededRng(seed));
        expect(moved).toBeGreaterThanOrEqual(ms);
        expect(isWeekend(moved)).toBe(false);
        expect(hourOf(moved)).toBeGreaterThanOrEqual(8);
        expect(hourOf(moved)).toBeLessThan(18);
        expect(moved - ms).toBeLessThan(4 * 24 * HOUR);
      }),
    );
  });

  it('leaves a moment inside working hours alone', () => {
    const tuesdayNoon = Date.parse('2026-11-24T12:00:00.000Z');
    expect(nextWorkingMoment(tuesdayNoon, seededRng(1))).toBe(tuesdayNoon);
    const saturday = Date.parse('2026-11-28T12:00:00.000Z');
    expect(new Date(nextWorkingMoment(saturday, seededRng(1))).toISOString().slice(0, 10)).toBe('2026-11-30');
  });

  it('finds the next weekday', () => {
    expect(new Date(weekdayOf(Date.parse('2026-11-28T12:00:00Z'))).toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(new Date(weekdayOf(Date.parse('2026-11-26T12:00:00Z'))).toISOString()).toBe('2026-11-26T00:00:00.000Z');
  });
});
