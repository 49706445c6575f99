import { canonicalEventSchema, type CanonicalEvent } from '@flowlens/contracts';
import { buildTimelines } from './build-timelines';
import { computeCycleTime } from './elapsed-time.oracle';
import { BERLIN_NOW, BERLIN_QUERY, berlinFortnight } from './fixtures/berlin-fortnight.fixture';
import { blockedWeek } from './fixtures/blocked-week.fixture';
import { JIRA, jiraKan } from './fixtures/canonical-events.fixture';
import { newYorkCards } from './fixtures/new-york-cards.fixture';
import { computeFlowEfficiency } from './flow-efficiency.oracle';
import { computeThroughput } from './throughput.oracle';
import { computeWip } from './wip.oracle';

const UTC_MAY = { from: '2024-05-06', to: '2024-05-10', timezone: 'UTC' } as const;

describe('fixtures', () => {
  it('are valid canonical events', () => {
    for (const event of [...berlinFortnight(), ...newYorkCards(), ...blockedWeek()]) {
      expect(canonicalEventSchema.parse(event)).toEqual(event);
    }
  });
});

describe('buildTimelines', () => {
  it('ignores arrival order and duplicate deliveries', () => {
    const events = berlinFortnight();
    const scrambled = [...events].reverse().flatMap((event, i) => (i % 3 === 0 ? [event, { ...event }] : [event]));
    const figures = (list: CanonicalEvent[]) => {
      const timelines = buildTimelines(list, { now: BERLIN_NOW });
      return [computeThroughput(timelines, BERLIN_QUERY), computeCycleTime(timelines, BERLIN_QUERY), computeWip(timelines, BERLIN_QUERY)];
    };
    expect(figures(scrambled)).toEqual(figures(events));
    expect(buildTimelines(scrambled).items).toHaveLength(11);
  });

  it('orders events sharing an instant by sequence', () => {
    const item = jiraKan().item('10401', 'KAN-41');
    const at = '2024-05-07T10:00:00.000Z';
    // one Jira changelog with two status items: To Do -> In Progress (0), In Progress -> Done (1)
    const events = [
      item.status(at, JIRA.inProgress, JIRA.done, { sequence: 1 }),
      item.created('2024-05-06T10:00:00.000Z', JIRA.todo),
      item.status(at, JIRA.todo, JIRA.inProgress, { sequence: 0 }),
    ];
    const [timeline] = buildTimelines(events).items;
    expect(timeline.snapshots.map((snapshot) => snapshot.status?.name)).toEqual(['To Do', 'In Progress', 'Done']);
    // started and done at the same instant: cycle time 0, done on 7 May
    expect(computeCycleTime(buildTimelines(events), UTC_MAY).items).toEqual([
      {
        itemKey: 'KAN-41',
        createdAt: '2024-05-06T10:00:00.000Z',
        startedAt: at,
        doneAt: at,
        days: 0,
      },
    ]);
  });

  it('answers asOf with only what was known then, judged by receivedAt too', () => {
    const item = jiraKan().item('10402', 'KAN-42');
    // the Done webhook was delayed: it occurred on 7 May but arrived on 9 May
    const events = [
      item.created('2024-05-06T09:00:00.000Z', JIRA.inProgress),
      item.status('2024-05-07T09:00:00.000Z', JIRA.inProgress, JIRA.done, { receivedAt: '2024-05-09T08:00:00.000Z' }),
    ];
    const early = buildTimelines(events, { asOf: '2024-05-08T12:00:00.000Z' });
    expect(computeThroughput(early, UTC_MAY).total).toBe(0);
    // known on the 8th: in progress every day through the 10th
    expect(computeWip(early, UTC_MAY).series.map((day) => day.wip)).toEqual([1, 1, 1, 1, 1]);
    const late = buildTimelines(events, { asOf: '2024-05-09T12:00:00.000Z' });
    expect(computeThroughput(late, UTC_MAY).series.map((day) => day.count)).toEqual([0, 1, 0, 0, 0]);
    expect(late.evaluatedAt).toBe(Date.parse('2024-05-09T12:00:00.000Z'));
    // events that occur after asOf are unknown even if they had been received
    const before = buildTimelines(events, { asOf: '2024-05-06T08:59:59.999Z' });
    expect(before.items).toHaveLength(0);
  });

  it('keeps the earliest received copy of a duplicated event', () => {
    const item = jiraKan().item('10403', 'KAN-43');
    const created = item.created('2024-05-06T09:00:00.000Z', JIRA.todo);
    const done = item.status('2024-05-07T09:00:00.000Z', JIRA.todo, JIRA.done);
    // the back-fill copy (same eventId) arrived late; the webhook copy on time
    const backfill = { ...done, receivedAt: '2024-05-20T00:00:00.000Z' };
    const timelines = buildTimelines([created, backfill, done], { asOf: '2024-05-08T00:00:00.000Z' });
    expect(computeThroughput(timelines, UTC_MAY).total).toBe(1);
  });

  it('excludes deleted items from every figure and brings restored ones back', () => {
    const item = jiraKan().item('10404', 'KAN-44');
    const events = [
      item.created('2024-05-06T09:00:00.000Z', JIRA.inProgress),
      item.status('2024-05-07T09:00:00.000Z', JIRA.inProgress, JIRA.done),
      item.deleted('2024-05-08T09:00:00.000Z'),
    ];
    // deleted now: gone even from the days before the deletion
    expect(computeWip(buildTimelines(events), UTC_MAY).series[0].wip).toBe(0);
    expect(computeThroughput(buildTimelines(events), UTC_MAY).total).toBe(0);
    // asked as of before the deletion, it was there
    expect(computeThroughput(buildTimelines(events, { asOf: '2024-05-08T00:00:00.000Z' }), UTC_MAY).total).toBe(1);
    const restored = [...events, item.restored('2024-05-09T09:00:00.000Z')];
    expect(computeThroughput(buildTimelines(restored), UTC_MAY).total).toBe(1);
    expect(computeWip(buildTimelines(restored), UTC_MAY).series[0].wip).toBe(1);
  });

  it('follows an item moved between boards: current board and key, stages of the board it was on', () => {
    const item = jiraKan().item('10405', 'KAN-45');
    const events = [
      item.created('2024-05-06T00:00:00.000Z', JIRA.inProgress),
      item.moved('2024-05-07T00:00:00.000Z', 'OPS', 'OPS-7'),
      item.status('2024-05-08T00:00:00.000Z', JIRA.inProgress, JIRA.done),
    ];
    const timelines = buildTimelines(events);
    expect(timelines.items[0]).toMatchObject({ itemKey: 'OPS-7', boardId: 'OPS' });
    expect(computeThroughput(timelines, { ...UTC_MAY, boardIds: ['KAN'] }).total).toBe(0);
    expect(computeCycleTime(timelines, { ...UTC_MAY, boardIds: ['OPS'] }).items.map((i) => [i.itemKey, i.days])).toEqual([['OPS-7', 2]]);
    // OPS treats In Progress as waiting: only the day on KAN was active
    const workflows = [{ boardId: 'OPS', stages: [{ name: 'Queued', category: 'wait' as const, statuses: ['3'] }] }];
    expect(computeFlowEfficiency(timelines, { ...UTC_MAY, workflows })).toEqual({ efficiency: 0.5, activeDays: 1, waitDays: 1 });
  });

  it('dates an item without a Created event from its earliest event, in the status it left', () => {
    const item = jiraKan().item('10406', 'KAN-46');
    const events = [
      item.updated('2024-05-06T06:00:00.000Z', { title: 'Imported late', type: 'Bug' }),
      item.status('2024-05-07T06:00:00.000Z', JIRA.todo, JIRA.inProgress),
      item.status('2024-05-08T06:00:00.000Z', JIRA.inProgress, JIRA.done),
    ];
    const [timeline] = buildTimelines(events).items;
    expect(timeline.createdAt).toBe(Date.parse('2024-05-06T06:00:00.000Z'));
    expect(timeline.fields).toEqual({ title: 'Imported late', type: 'Bug' });
    const [cycle] = computeCycleTime(buildTimelines(events), UTC_MAY).items;
    // started 7 May 06:00 (left To Do), done 8 May 06:00; lead time from the first event
    expect(cycle).toMatchObject({ createdAt: '2024-05-06T06:00:00.000Z', startedAt: '2024-05-07T06:00:00.000Z', days: 1 });
    // an item with no status information at all is left out
    const statusless = jiraKan().item('10407', 'KAN-47').updated('2024-05-06T06:00:00.000Z', { title: 'x' });
    expect(buildTimelines([statusless]).items).toHaveLength(0);
  });

  it('keeps the latest value of each field by source time', () => {
    const item = jiraKan().item('10408', 'KAN-48');
    const events = [
      item.updated('2024-05-08T00:00:00.000Z', { team: 'Payments' }),
      item.created('2024-05-06T00:00:00.000Z', JIRA.todo, { team: 'Checkout', type: 'Story' }),
      item.updated('2024-05-07T00:00:00.000Z', { type: 'Bug', team: 'Identity' }),
    ];
    expect(buildTimelines(events).items[0].fields).toMatchObject({ type: 'Bug', team: 'Payments' });
  });
});
