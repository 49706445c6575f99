import { activeTimeInWindow, allocationOf } from './allocation';
import { costPerItem, sumCosts, teamCost } from './flow-cost';

const H = 3_600_000;
const seg = (at: number, category: string, blocked = false) => ({ at: at * H, category, blocked });

describe('allocation clipping', () => {
  it('counts only active, unblocked time, clipped to the window', () => {
    // window [10h, 40h): active 0–20 (10 inside), wait 20–25, active 25–30 blocked, active 30–50 (10 inside)
    const segments = [seg(0, 'active'), seg(20, 'wait'), seg(25, 'active', true), seg(30, 'active'), seg(50, 'done')];
    expect(activeTimeInWindow(segments, 10 * H, 40 * H)).toBe(20 * H);
  });

  it('lets an open last segment run until the window end (or asOf, whichever is first)', () => {
    expect(activeTimeInWindow([seg(0, 'backlog'), seg(5, 'active')], 0, 12 * H)).toBe(7 * H);
  });

  it('gives nothing for segments wholly outside the window', () => {
    expect(activeTimeInWindow([seg(0, 'active'), seg(4, 'done')], 5 * H, 9 * H)).toBe(0);
  });

  it('turns active days per type into shares and the gap to the target mix', () => {
    const a = allocationOf({ feature: 6, defect: 2 }, { feature: 0.5, defect: 0.2, risk: 0.1, debt: 0.2, other: 0 });
    expect(a.activeDays).toBe(8);
    expect(a.byType).toEqual({ feature: 0.75, defect: 0.25, risk: 0, debt: 0, other: 0 });
    expect(a.gap?.feature).toBeCloseTo(0.25);
    expect(a.gap?.debt).toBeCloseTo(-0.2);
    expect(allocationOf({}, null)).toEqual({ activeDays: 0, activeDaysByType: { feature: 0, defect: 0, risk: 0, debt: 0, other: 0 }, byType: null, target: null, gap: null });
  });
});

describe('flow cost', () => {
  const shares = { feature: 0.75, defect: 0.25, risk: 0, debt: 0, other: 0 };
  it('is capacity × rate per bucket, split by the allocation shares', () => {
    const c = teamCost([{ start: '2024-03-25', capacityDays: 7.5 }, { start: '2024-04-01', capacityDays: 4.5 }], 400, shares);
    expect(c.series).toEqual([{ start: '2024-03-25', cost: 3000 }, { start: '2024-04-01', cost: 1800 }]);
    expect(c.cost).toBe(4800);
    expect(c.byType).toEqual({ feature: 3600, defect: 1200, risk: 0, debt: 0, other: 0 });
    expect(costPerItem(c.cost, 12)).toBe(400);
    expect(costPerItem(c.cost, 0)).toBeNull();
  });

  it('adds team costs for a portfolio, type by type (Σ team cost × team share)', () => {
    const a = teamCost([{ start: 'w', capacityDays: 10 }], 100, shares);
    const b = teamCost([{ start: 'w', capacityDays: 5 }], 200, { feature: 0, defect: 0, risk: 0.5, debt: 0.5, other: 0 });
    expect(sumCosts([a, b], ['w'])).toEqual({ series: [{ start: 'w', cost: 2000 }], cost: 2000, byType: { feature: 750, defect: 250, risk: 500, debt: 500, other: 0 } });
  });
});
