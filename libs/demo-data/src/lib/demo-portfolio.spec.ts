import { normaliseJiraWebhook } from '@flowlens/connector-jira';
import type { CanonicalEvent, CanonicalEventOf } from '@flowlens/contracts';
import { generateDemoHistory } from './demo-history.generator';
import { DEMO_WORKFLOW_MAPS } from './demo-workflow-maps';
import { canonicalEventsOf, normaliseAll } from './testing/demo-events';
import { cycleTimeDays, DAY, doneAt, itemHistories, percentile, stageAt, wipAt, type ItemHistory } from './testing/flow-figures';

const NOW = Date.parse('2026-11-26T05:30:00.000Z');
const DAYS = 120;

function eventsFor(seed: number): CanonicalEvent[] {
  return canonicalEventsOf(normaliseAll(generateDemoHistory({ now: NOW, seed }).deliveries, normaliseJiraWebhook));
}

const ofType = <T extends CanonicalEvent['type']>(events: readonly CanonicalEvent[], type: T) =>
  events.filter((event): event is CanonicalEventOf<T> => event.type === type);

// The flow figures of metrics.md (checked against the metrics oracle while this was written)
// must look like a real team's for any seed, not just a lucky one.
describe.each([1, 2, 3])('the demo portfolio of seed %i', (seed) => {
  let events: CanonicalEvent[];
  let live: ItemHistory[];

  beforeAll(() => {
    events = eventsFor(seed);
    live = itemHistories(events).filter((item) => item.deletedAt === null);
  });

  it('has three boards with a few hundred issues of the usual types', () => {
    const created = ofType(events, 'WorkItemCreated');
    expect(created.length).toBeGreaterThanOrEqual(300);
    expect(created.length).toBeLessThanOrEqual(450);
    const perBoard = (board: string) => created.filter((event) => event.boardId === board).length;
    for (const board of ['PAY', 'WEB', 'OPS']) expect(perBoard(board)).toBeGreaterThan(60);
    const types = new Set(created.map((event) => event.payload.fields.type));
    expect([...types].sort()).toEqual(['Bug', 'Security', 'Story', 'Task', 'Tech Debt']);
    expect(ofType(events, 'ProjectUpserted').map((event) => event.payload.name).sort()).toEqual(['Payments', 'Platform Ops', 'Web Storefront']);
  });

  it('uses only the statuses of each board\'s workflow map, all of them', () => {
    const seen = new Map<string, Set<string>>();
    const see = (board: string, status: { id: string | null; name: string }) => seen.set(board, (seen.get(board) ?? new Set()).add(`${status.id}|${status.name}`));
    for (const event of ofType(events, 'WorkItemCreated')) see(event.boardId, event.payload.status);
    for (const event of ofType(events, 'WorkItemStatusChanged')) see(event.boardId, event.payload.to);
    for (const map of DEMO_WORKFLOW_MAPS) {
      expect([...(seen.get(map.boardId) ?? [])].sort()).toEqual(map.stages.map((stage) => stage.statuses.join('|')).sort());
    }
  });

  it('spreads the work over about a dozen people', () => {
    const assignees = new Set<string>();
    for (const event of ofType(events, 'WorkItemCreated')) if (event.payload.fields.assignee) assignees.add(event.payload.fields.assignee.id);
    for (const event of ofType(events, 'WorkItemUpdated')) if (event.payload.changes.assignee) assignees.add(event.payload.changes.assignee.id);
    expect(assignees.size).toBeGreaterThanOrEqual(10);
    expect(assignees.size).toBeLessThanOrEqual(12);
  });

  it('creates most work on weekdays', () => {
    const created = ofType(events, 'WorkItemCreated').map((event) => new Date(event.occurredAt).getUTCDay());
    const weekend = created.filter((weekday) => weekday === 0 || weekday === 6).length;
    expect(weekend / created.length).toBeLessThan(0.1);
    expect(weekend).toBeGreaterThan(0);
  });

  it('finishes work in every full week', () => {
    const weeks = Math.floor(DAYS / 7) - 1;
    const counts = Array.from({ length: weeks }, (_, week) => {
      const end = NOW - week * 7 * DAY;
      return live.filter((item) => {
        const done = doneAt(item, NOW);
        return done !== null && done >= end - 7 * DAY && done < end;
      }).length;
    });
    expect(counts.filter((count) => count > 0).length).toBeGreaterThanOrEqual(weeks - 1);
    expect(counts.reduce((sum, count) => sum + count, 0) / weeks).toBeGreaterThan(10);
  });

  it('keeps WIP in a believable band once the first week has passed', () => {
    const daily = Array.from({ length: DAYS - 7 }, (_, day) => wipAt(live, NOW - day * DAY));
    expect(Math.min(...daily)).toBeGreaterThanOrEqual(5);
    expect(Math.max(...daily)).toBeLessThanOrEqual(50);
    expect(percentile(daily, 50)).toBeGreaterThanOrEqual(15);
    expect(percentile(daily, 50)).toBeLessThanOrEqual(40);
  });

  it('has lognormal-looking cycle times: mostly days, p85 in 5..30, a tail past 25 days', () => {
    const days = live.map((item) => cycleTimeDays(item, NOW)).filter((value): value is number => value !== null);
    expect(days.length).toBeGreaterThan(250);
    expect(percentile(days, 50)).toBeGreaterThan(2);
    expect(percentile(days, 50)).toBeLessThan(10);
    expect(percentile(days, 85)).toBeGreaterThan(5);
    expect(percentile(days, 85)).toBeLessThan(30);
    expect(Math.max(...days)).toBeGreaterThan(25);
    expect(days.filter((value) => value < 1).length).toBeGreaterThan(0);
  });

  it('reopens some items, leaves some unstarted and deletes a few', () => {
    const reopened = live.filter((item) => item.stages.some((entry, index) => entry.stage !== 'done' && item.stages[index - 1]?.stage === 'done'));
    expect(reopened.length).toBeGreaterThanOrEqual(5);
    expect(live.filter((item) => stageAt(item, NOW) === 'backlog').length).toBeGreaterThanOrEqual(10);
    expect(ofType(events, 'WorkItemDeleted').length).toBeGreaterThanOrEqual(1);
  });

  it('blocks items by flag, by label and by a Blocked status, and unblocks them again', () => {
    const blocked = ofType(events, 'WorkItemBlocked');
    expect(blocked.filter((event) => event.payload.reason === 'flag').length).toBeGreaterThanOrEqual(10);
    expect(blocked.filter((event) => event.payload.reason === 'label').length).toBeGreaterThanOrEqual(5);
    expect(ofType(events, 'WorkItemUnblocked').length).toBeGreaterThanOrEqual(blocked.length - 5);
    const parked = ofType(events, 'WorkItemStatusChanged').filter((event) => event.payload.to.name === 'Blocked');
    expect(parked.length).toBeGreaterThanOrEqual(5);
    expect(new Set(parked.map((event) => event.boardId))).toEqual(new Set(['OPS']));
  });

  it('runs two-week sprints on the Payments board with carried-over work', () => {
    const started = ofType(events, 'SprintStarted');
    const closed = ofType(events, 'SprintClosed');
    expect(started.length).toBeGreaterThanOrEqual(7);
    expect(closed.length).toBeGreaterThanOrEqual(started.length - 1);
    for (const sprint of closed) {
      const length = (Date.parse(sprint.payload.completeAt ?? '') - Date.parse(sprint.payload.startAt ?? '')) / DAY;
      expect(length).toBeGreaterThan(13.9);
      expect(length).toBeLessThan(14.1);
    }
    const sprintUpdates = ofType(events, 'WorkItemUpdated').filter((event) => event.payload.changes.sprintIds !== undefined);
    expect(new Set(sprintUpdates.map((event) => event.boardId))).toEqual(new Set(['PAY']));
    expect(sprintUpdates.some((event) => (event.payload.changes.sprintIds ?? []).length >= 2)).toBe(true);
  });

  it('releases a couple of versions, with fix versions on finished work', () => {
    const releases = ofType(events, 'ReleaseUpserted');
    const released = new Set(releases.filter((event) => event.payload.released).map((event) => event.payload.name));
    expect(released.size).toBeGreaterThanOrEqual(2);
    const tagged = ofType(events, 'WorkItemUpdated').filter((event) => (event.payload.changes.fixVersions ?? []).length > 0);
    expect(tagged.length).toBeGreaterThan(50);
  });
});
