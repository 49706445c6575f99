import { memoOnInput, type RiskInput } from './risk-item';

const T = Date.parse('2026-06-15T09:00:00Z');
const base: RiskInput = { items: [], releases: [], links: [], t: T, timezone: 'Europe/Berlin', teamOfBoard: new Map([['A', 't1']]) };

describe('memoOnInput', () => {
  it('derives once per loaded input and local day: another instant of the same day reuses it', () => {
    let computed = 0;
    const derive = (input: RiskInput) => memoOnInput(input, 'thing', () => ++computed);
    expect(derive(base)).toBe(1);
    // A later request of the same day: a new input object over the same arrays.
    expect(derive({ ...base, t: T + 3_600_000, teamOfBoard: new Map([['A', 't1']]) })).toBe(1);
    expect(computed).toBe(1);
  });

  it('derives again for another local day, other teams, other arrays or another key', () => {
    let computed = 0;
    const derive = (input: RiskInput, key = 'other') => memoOnInput(input, key, () => ++computed);
    derive(base);
    // 23:30 in Berlin on the 15th is the 16th's 01:30 local: another day.
    expect(derive({ ...base, t: Date.parse('2026-06-15T23:30:00Z') })).toBe(2);
    expect(derive({ ...base, teamOfBoard: new Map([['A', 't2']]) })).toBe(3);
    expect(derive({ ...base, releases: [] })).toBe(4);
    expect(derive({ ...base, items: [] })).toBe(5);
    expect(derive(base, 'another key')).toBe(6);
    expect(derive(base)).toBe(1);
  });
});
