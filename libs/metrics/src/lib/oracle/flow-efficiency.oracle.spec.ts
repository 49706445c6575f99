import type { WorkflowMap } from '../workflow/workflow-map.schema';
import { buildTimelines } from './build-timelines';
import { computeCycleTime } from './elapsed-time.oracle';
import { BLOCKED_QUERY, blockedWeek } from './fixtures/blocked-week.fixture';
import { NEW_YORK_NOW, NEW_YORK_QUERY, newYorkCards } from './fixtures/new-york-cards.fixture';
import { computeFlowEfficiency } from './flow-efficiency.oracle';

const timelines = () => buildTimelines(blockedWeek());

const kanMap = (reviewStage: { name: string; category: 'wait' | 'done' }): WorkflowMap => ({
  boardId: 'KAN',
  stages: [
    { name: 'To Do', category: 'backlog', statuses: ['10000'] },
    { name: 'In Progress', category: 'active', statuses: ['3', '10003'] },
    { ...reviewStage, statuses: ['10002'] },
    { name: 'Done', category: 'done', statuses: ['10001'] },
  ],
});

describe('computeFlowEfficiency', () => {
  it('counts blocked time inside an active stage, and a blocked stage, as wait', () => {
    // KAN-21: active 09:00 6th -> 09:00 7th (24h), flagged -> 09:00 8th (24h wait), active to 21:00 (12h),
    //         In Review is in progress by default, active to 09:00 9th (12h): 48h active, 24h wait
    // KAN-22: active 24h, default stage "Blocked" is a blocked stage 10:00 -> 22:00 7th (12h wait), active 12h
    // KAN-23: active 12:00 -> 18:00 (6h); label then external reasons overlap until 12:00 7th (18h wait);
    //         active 12:00 7th -> 12:00 8th (24h): 30h active, 18h wait
    // Σ active 48 + 36 + 30 = 114h = 4.75d; Σ wait 24 + 12 + 18 = 54h = 2.25d; 114 / 168
    expect(computeFlowEfficiency(timelines(), BLOCKED_QUERY)).toEqual({ efficiency: 114 / 168, activeDays: 4.75, waitDays: 2.25 });
  });

  it('changes when the workflow map turns In Review into a wait stage', () => {
    // KAN-21 review time (12h) moves from active to wait: 102h active, 66h wait
    const result = computeFlowEfficiency(timelines(), { ...BLOCKED_QUERY, workflows: [kanMap({ name: 'Review', category: 'wait' })] });
    expect(result).toEqual({ efficiency: 102 / 168, activeDays: 4.25, waitDays: 2.75 });
  });

  it('changes doneAt, and so cycle time, when the map puts In Review in a done stage', () => {
    const before = computeCycleTime(timelines(), BLOCKED_QUERY).items.find((item) => item.itemKey === 'KAN-21');
    // 05-06T09:00 -> 05-09T09:00 = 3 days
    expect(before?.days).toBe(3);
    const after = computeCycleTime(timelines(), { ...BLOCKED_QUERY, workflows: [kanMap({ name: 'Accepted', category: 'done' })] });
    // done on entering Accepted at 05-08T21:00 (moving on to Done keeps it): 2.5 days
    const kan21 = after.items.find((item) => item.itemKey === 'KAN-21');
    expect(kan21?.doneAt).toBe('2024-05-08T21:00:00.000Z');
    expect(kan21?.days).toBe(2.5);
    // and its flow time shrinks: 48 - 12 = 36h active, 24h wait
    const efficiency = computeFlowEfficiency(timelines(), {
      ...BLOCKED_QUERY,
      workflows: [kanMap({ name: 'Accepted', category: 'done' })],
    });
    expect(efficiency.activeDays).toBe((36 + 36 + 30) / 24);
  });

  it('uses wait stages from Trello list names (New York cards)', () => {
    // c1: Doing 11-01T14:00 -> Code Review 11-02T15:00 (25h active) -> Done 11-04T04:30 (37.5h wait);
    // c3 went from Backlog straight to Done: no time. 25 / 62.5 = 0.4
    const result = computeFlowEfficiency(buildTimelines(newYorkCards(), { now: NEW_YORK_NOW }), NEW_YORK_QUERY);
    expect(result.efficiency).toBeCloseTo(0.4, 12);
    expect(result.activeDays).toBeCloseTo(25 / 24, 12);
    expect(result.waitDays).toBeCloseTo(37.5 / 24, 12);
  });

  it('is null without any active or wait time', () => {
    expect(computeFlowEfficiency(timelines(), { ...BLOCKED_QUERY, from: '2024-05-10', to: '2024-05-10' })).toEqual({
      efficiency: null,
      activeDays: 0,
      waitDays: 0,
    });
  });
});
