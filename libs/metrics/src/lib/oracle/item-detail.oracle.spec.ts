import { buildTimelines } from './build-timelines';
import { BERLIN_NOW, berlinFortnight } from './fixtures/berlin-fortnight.fixture';
import { blockedWeek } from './fixtures/blocked-week.fixture';
import { describeItem } from './item-detail.oracle';

describe('describeItem', () => {
  const timelines = buildTimelines(berlinFortnight(), { now: BERLIN_NOW });

  it('describes an item by key or source id', () => {
    const detail = describeItem(timelines, 'KAN-2');
    expect(detail).toEqual({
      itemKey: 'KAN-2',
      itemId: '10102',
      title: 'Work on KAN-2',
      type: 'Story',
      status: 'Done',
      stage: 'Done',
      stageCategory: 'done',
      boardId: 'KAN',
      assignee: { id: '5b10ac8d82e05b22cc7d4ef5', name: 'Ada Lovelace' },
      createdAt: '2024-03-25T09:00:00.000Z',
      startedAt: '2024-03-26T09:00:00.000Z',
      doneAt: '2024-04-02T09:00:00.000Z',
      blocked: false,
    });
    expect(describeItem(timelines, '10102')).toEqual(detail);
  });

  it('hides deleted and unknown items and shows an item that never started', () => {
    expect(describeItem(timelines, 'KAN-7')).toBeNull();
    expect(describeItem(timelines, 'KAN-404')).toBeNull();
    expect(describeItem(timelines, 'KAN-4')).toMatchObject({ stageCategory: 'backlog', startedAt: null, doneAt: null });
  });

  it('reports blocked while flagged', () => {
    const asOf = buildTimelines(blockedWeek(), { asOf: '2024-05-07T12:00:00.000Z' });
    expect(describeItem(asOf, 'KAN-21')?.blocked).toBe(true);
    expect(describeItem(asOf, 'KAN-22')).toMatchObject({ status: 'Blocked', blocked: true });
    expect(describeItem(buildTimelines(blockedWeek()), 'KAN-21')?.blocked).toBe(false);
  });
});
