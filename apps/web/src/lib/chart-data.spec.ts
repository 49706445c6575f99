import type { Cfd } from './api-types';
import { agingPoints, cfdSeries, countBeyond, frequencies, histogram, niceBinWidth, outcomeBars, paceOf, scatterPoints } from './chart-data';

const P = { p50: 5, p70: 8, p85: 12, p95: 20 };

describe('chart data transforms', () => {
  it('stacks the CFD with done at the bottom, in map order, without removed stages', () => {
    const cfd: Cfd = {
      stages: ['To Do', 'Doing', 'Done', 'Removed'],
      categories: { 'To Do': 'backlog', Doing: 'active', Done: 'done', Removed: 'removed' },
      series: [
        { date: '2026-01-01', counts: { 'To Do': 3, Doing: 2, Done: 1, Removed: 4 } },
        { date: '2026-01-02', counts: { 'To Do': 2, Doing: 2 } },
      ],
    };
    const { dates, bands } = cfdSeries(cfd);
    expect(dates).toEqual(['2026-01-01', '2026-01-02']);
    expect(bands.map((b) => b.stage)).toEqual(['Done', 'Doing', 'To Do']);
    expect(bands[0]).toEqual({ stage: 'Done', category: 'done', values: [1, 0] });
  });

  it('puts one scatter dot per item at its done instant and cycle time', () => {
    expect(scatterPoints([{ itemKey: 'A-1', startedAt: '2026-01-01T00:00:00.000Z', doneAt: '2026-01-03T12:00:00.000Z', days: 2.5 }])).toEqual([
      { value: [Date.parse('2026-01-03T12:00:00.000Z'), 2.5], itemKey: 'A-1', startedAt: '2026-01-01T00:00:00.000Z', doneAt: '2026-01-03T12:00:00.000Z' },
    ]);
  });

  it('bins values from zero, empty bins included, each value in [k·w, (k+1)·w)', () => {
    expect(histogram([0.2, 1, 1.9, 4.5], 1)).toEqual([
      { from: 0, to: 1, count: 1 },
      { from: 1, to: 2, count: 2 },
      { from: 2, to: 3, count: 0 },
      { from: 3, to: 4, count: 0 },
      { from: 4, to: 5, count: 1 },
    ]);
    expect(histogram([], 1)).toEqual([]);
    expect(histogram([9.99, 10], 5).map((b) => b.count)).toEqual([0, 1, 1]);
  });

  it('picks a round bin width for about 30 bins', () => {
    expect(niceBinWidth([3, 12])).toBe(1);
    expect(niceBinWidth([100])).toBe(5);
    expect(niceBinWidth([])).toBe(1);
  });

  it('counts how many periods finished each count, zero included', () => {
    expect(frequencies([2, 0, 2, 3])).toEqual([
      { from: 0, to: 1, periods: 1, label: '0' },
      { from: 1, to: 2, periods: 0, label: '1' },
      { from: 2, to: 3, periods: 2, label: '2' },
      { from: 3, to: 4, periods: 1, label: '3' },
    ]);
  });

  it('bins the counts of large periods, so a portfolio has tens of bars and not thousands', () => {
    const weeks = [7_412, 8_129, 8_001, 0, 7_998];
    const width = niceBinWidth(weeks);
    expect(width).toBe(500);
    const bins = frequencies(weeks, width);
    expect(bins).toHaveLength(17);
    expect(bins.filter((b) => b.periods > 0).map((b) => [b.label, b.periods])).toEqual([
      ['0–499', 1],
      ['7000–7499', 1],
      ['7500–7999', 1],
      ['8000–8499', 2],
    ]);
    expect(bins.reduce((n, b) => n + b.periods, 0)).toBe(weeks.length);
  });

  it("reads an item's pace against the percentile bands (at a band counts as within it)", () => {
    expect([5, 5.1, 8, 12, 12.5, 20, 21].map((age) => paceOf(age, P))).toEqual(['within-p50', 'within-p70', 'within-p70', 'within-p85', 'within-p95', 'within-p95', 'beyond-p95']);
    expect(paceOf(100, { p50: null, p70: null, p85: null, p95: null })).toBe('within-p50');
  });

  it('places aging dots in map order of the stages present, unknown stages last', () => {
    const items = [
      { itemKey: 'A', stage: 'Review', category: 'active', startedAt: '', ageDays: 3 },
      { itemKey: 'B', stage: 'Doing', category: 'active', startedAt: '', ageDays: 13 },
      { itemKey: 'C', stage: 'Mystery', category: 'active', startedAt: '', ageDays: 1 },
      { itemKey: 'D', stage: 'Doing', category: 'active', startedAt: '', ageDays: 30 },
    ];
    const { stages, points } = agingPoints(items, ['To Do', 'Doing', 'Review', 'Done'], P);
    expect(stages).toEqual(['Doing', 'Review', 'Mystery']);
    expect(points.map((p) => [p.itemKey, Math.round(p.value[0]) + 0, p.value[1], p.pace])).toEqual([
      ['A', 1, 3, 'within-p50'],
      ['B', 0, 13, 'within-p95'],
      ['C', 2, 1, 'within-p50'],
      ['D', 0, 30, 'beyond-p95'],
    ]);
    expect(points[1]?.value[0]).not.toBe(points[3]?.value[0]);
    expect(countBeyond(items, 12)).toBe(2);
    expect(countBeyond(items, null)).toBe(0);
  });

  it('orders forecast outcomes and gives each its share of trials', () => {
    expect(outcomeBars([{ value: 9, trials: 1 }, { value: 7, trials: 3 }])).toEqual([
      { value: 7, trials: 3, share: 0.75 },
      { value: 9, trials: 1, share: 0.25 },
    ]);
  });
});
