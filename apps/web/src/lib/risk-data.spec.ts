import type { RiskItem } from './api-types';
import { forecastCurve, itemsWith } from './risk-data';

const item = (itemKey: string, over: Partial<RiskItem>): RiskItem => ({ itemKey, boardId: 'KAN', signals: [], ageDays: null, sleDays: null, pace: null, blockedDays: null, dueDate: null, pOnTime: null, ...over });

describe('risk data for the dashboard', () => {
  it('lists the items of one signal, most urgent first', () => {
    const items = [item('A', { signals: ['aging'], ageDays: 3 }), item('B', { signals: ['aging', 'blocked'], ageDays: 9, blockedDays: 1 }), item('C', { signals: ['blocked'], blockedDays: 4 })];
    expect(itemsWith(items, 'aging').map((i) => i.itemKey)).toEqual(['B', 'A']);
    expect(itemsWith(items, 'blocked').map((i) => i.itemKey)).toEqual(['C', 'B']);
    expect(itemsWith(items, 'due-date')).toEqual([]);
  });

  it('draws the probability curve through the percentiles, one point per date', () => {
    expect(forecastCurve({ p50: '2026-12-10', p85: '2026-12-14', p95: '2026-12-14' })).toEqual([['2026-12-09', 0], ['2026-12-10', 0.5], ['2026-12-14', 0.95]]);
    expect(forecastCurve({ p50: null, p85: null, p95: null })).toEqual([]);
  });
});
