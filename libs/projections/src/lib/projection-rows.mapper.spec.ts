import { canonicalEventSchema, type CanonicalEvent, deterministicEventId } from '@flowlens/contracts';
import { eventHash, toProjectionRows } from './projection-rows.mapper';
import { ENTRY, SEP } from './timeline-entry';

const base = {
  workspaceId: 'ws',
  connectorId: 'c1',
  source: 'jira' as const,
  receivedAt: '2024-01-15T10:00:01.000Z',
  sequence: 0,
  schemaVersion: 1 as const,
  boardId: 'KAN',
  itemId: '10001',
  itemKey: 'KAN-1',
};

const created: CanonicalEvent = canonicalEventSchema.parse({
  ...base,
  eventId: deterministicEventId('ws', 'jira', 'created'),
  sourceEventId: 'jira:10001:created',
  type: 'WorkItemCreated',
  occurredAt: '2024-01-15T10:00:00.000Z',
  payload: {
    status: { id: '1', name: 'To Do', category: 'todo' },
    fields: { title: 'Fix login', type: 'Bug', priority: 'High', assignee: { id: 'a1', name: 'Ann' }, labels: ['x', 'y'], components: [], fixVersions: [], estimate: 3, dueDate: null, parentId: null, sprintIds: ['7'], team: null, archived: false },
  },
});

const moved: CanonicalEvent = canonicalEventSchema.parse({
  ...base,
  eventId: deterministicEventId('ws', 'jira', 'moved'),
  sourceEventId: 'cl-2',
  type: 'WorkItemStatusChanged',
  occurredAt: '2024-01-16T09:00:00.000Z',
  sequence: 1,
  payload: { from: { id: '1', name: 'To Do', category: 'todo' }, to: { id: '3', name: 'Done', category: 'done' } },
});

describe('toProjectionRows', () => {
  it('maps each event to one event row with its payload', () => {
    const { events } = toProjectionRows([created, moved]);
    expect(events.map((e) => [e.type, e.item_key, e.sequence])).toEqual([
      ['WorkItemCreated', 'KAN-1', 0],
      ['WorkItemStatusChanged', 'KAN-1', 1],
    ]);
    expect(JSON.parse(events[1]?.payload ?? '')).toEqual(moved.payload);
  });

  it('groups timeline entries per item with status, fields, board and key', () => {
    const { timelines } = toProjectionRows([created, moved]);
    expect(timelines).toHaveLength(1);
    const entries = timelines[0]?.entries ?? [];
    const kinds = (at: string) => entries.filter((e) => e.at === Date.parse(at)).map((e) => `${e.kind}=${e.val}`);
    expect(kinds('2024-01-15T10:00:00.000Z')).toEqual([
      'created=jira',
      `status=1${SEP}To Do${SEP}todo${SEP}jira`,
      'title=Fix login',
      'type=Bug',
      'priority=High',
      'team=',
      `assignee=a1${SEP}Ann`,
      'estimate=3',
      'due=',
      'parent=',
      `labels=x${SEP}y`,
      'sprints=7',
      'versions=',
      'archived=0',
      'board=KAN',
      'key=KAN-1',
    ]);
    expect(kinds('2024-01-16T09:00:00.000Z')).toEqual([`status=3${SEP}Done${SEP}done${SEP}jira`, `status_from=1${SEP}To Do${SEP}todo${SEP}jira`, 'board=KAN', 'key=KAN-1']);
    expect(entries.every((e) => e.recv === Date.parse(base.receivedAt))).toBe(true);
  });

  it('maps delete/restore and block/unblock to their entries', () => {
    const mk = (type: string, payload: object, n: number) =>
      canonicalEventSchema.parse({ ...base, eventId: deterministicEventId('x', n), sourceEventId: `s${n}`, type, occurredAt: '2024-01-17T00:00:00.000Z', payload });
    const { timelines } = toProjectionRows([
      mk('WorkItemDeleted', {}, 1),
      mk('WorkItemRestored', {}, 2),
      mk('WorkItemBlocked', { reason: 'flag', note: null }, 3),
      mk('WorkItemUnblocked', { reason: 'flag' }, 4),
    ]);
    const vals = (timelines[0]?.entries ?? []).filter((e) => e.kind === ENTRY.deleted || e.kind === ENTRY.blocked).map((e) => `${e.kind}=${e.val}`);
    expect(vals).toEqual(['deleted=1', 'deleted=0', `blocked=flag${SEP}1`, `blocked=flag${SEP}0`]);
  });

  it('hashes event ids to 64-bit decimals deterministically', () => {
    expect(eventHash('00000000-0000-8001-8000-000000000000')).toBe('32769');
    expect(eventHash('ffffffff-ffff-8fff-bfff-ffffffffffff')).toBe(BigInt('0xffffffffffff8fff').toString());
    expect(eventHash(created.eventId)).toBe(eventHash(created.eventId));
    expect(eventHash(created.eventId)).not.toBe(eventHash(moved.eventId));
  });
});
