import { applyPatch, mergeQuery, pick, windowDefaults, withDefaults } from './search-params';
import { formatValue } from './format';

describe('URL filter state', () => {
  it('fills in defaults the URL lacks, and keeps what it has', () => {
    expect(withDefaults(new URLSearchParams('boardId=OPS&interval=day'), { interval: 'week', from: '2026-01-01' }).toString()).toBe('boardId=OPS&interval=day&from=2026-01-01');
  });

  it('patches: a string sets, an array repeats, null or empty removes', () => {
    const next = applyPatch(new URLSearchParams('boardId=OPS&type=Bug&team=a'), { boardId: 'PAY', type: ['Story', 'Task'], team: null, asOf: '' });
    expect(next.toString()).toBe('boardId=PAY&type=Story&type=Task');
  });

  it('picks only the named params, in their order', () => {
    expect(pick(new URLSearchParams('sort=p85&to=2026-02-01&from=2026-01-01&boardId='), ['from', 'to', 'boardId']).toString()).toBe('from=2026-01-01&to=2026-02-01');
  });

  it("merges a figure's data-query over the page's params", () => {
    expect(mergeQuery(new URLSearchParams('from=2026-01-01&boardId=OPS&boardId=PAY'), 'boardId=WEB').toString()).toBe('from=2026-01-01&boardId=WEB');
  });

  it("defaults to the API's 90 local days ending today, or on asOf's date, or before `to`", () => {
    const now = Date.parse('2026-03-01T23:30:00Z');
    jest.useFakeTimers({ now });
    try {
      expect(windowDefaults('Europe/Berlin', new URLSearchParams())).toEqual({ from: '2025-12-03', to: '2026-03-02' });
      expect(windowDefaults('UTC', new URLSearchParams('asOf=2026-01-31T10:00:00Z'))).toEqual({ from: '2025-11-03', to: '2026-01-31' });
      expect(windowDefaults('UTC', new URLSearchParams('to=2026-01-10'))).toEqual({ from: '2025-10-13', to: '2026-01-10' });
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('figure formats', () => {
  it('rounds for display, shows shares as %, dates in the zone, null as —', () => {
    expect(formatValue(13.1358, 'days')).toBe('13.1 d');
    expect(formatValue(0.79662, 'share')).toBe('79.7%');
    expect(formatValue(null, 'count')).toBe('—');
    expect(formatValue('2026-12-11', 'date')).toBe('11 Dec 2026');
    expect(formatValue('2026-10-20T23:43:21.529Z', 'date', 'Europe/Berlin')).toBe('21 Oct 2026');
    expect(formatValue(false, 'boolean')).toBe('no');
    expect(formatValue(1234.4, 'count')).toBe('1,234');
  });
});
