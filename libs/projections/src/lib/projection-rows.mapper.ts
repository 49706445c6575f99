import type { CanonicalEvent, StatusRef, WorkItemFields } from '@flowlens/contracts';
import { ENTRY, type EntryKind, SEP, type TimelineEntry } from './timeline-entry';

export interface WorkItemEventRow {
  readonly workspace_id: string;
  readonly event_id: string;
  readonly type: string;
  readonly source: string;
  readonly connector_id: string;
  readonly source_event_id: string;
  readonly board_id: string;
  readonly item_id: string;
  readonly item_key: string;
  readonly occurred_at: string;
  readonly received_at: string;
  readonly sequence: number;
  readonly schema_version: number;
  readonly payload: string;
}

export interface TimelineRow {
  readonly workspace_id: string;
  readonly item_id: string;
  readonly entries: TimelineEntry[];
}

export interface ProjectionRows {
  readonly events: WorkItemEventRow[];
  readonly timelines: TimelineRow[];
}

/** Canonical events -> rows of the ClickHouse projections. Pure; order of events is irrelevant. */
export function toProjectionRows(events: readonly CanonicalEvent[]): ProjectionRows {
  const timelines = new Map<string, TimelineRow>();
  const rows: WorkItemEventRow[] = [];
  for (const event of events) {
    rows.push(toEventRow(event));
    if (event.itemId === null) continue;
    const entries = timelineEntries(event);
    if (entries.length === 0) continue;
    const id = `${event.workspaceId}\u0000${event.itemId}`;
    const row = timelines.get(id) ?? { workspace_id: event.workspaceId, item_id: event.itemId, entries: [] };
    row.entries.push(...entries);
    timelines.set(id, row);
  }
  return { events: rows, timelines: [...timelines.values()] };
}

function toEventRow(e: CanonicalEvent): WorkItemEventRow {
  return {
    workspace_id: e.workspaceId,
    event_id: e.eventId,
    type: e.type,
    source: e.source,
    connector_id: e.connectorId,
    source_event_id: e.sourceEventId,
    board_id: e.boardId ?? '',
    item_id: e.itemId ?? '',
    item_key: e.itemKey ?? '',
    occurred_at: e.occurredAt,
    received_at: e.receivedAt,
    sequence: e.sequence,
    schema_version: e.schemaVersion,
    payload: JSON.stringify(e.payload),
  };
}

/** `id SEP name SEP sourceCategory SEP source`: what query-time stage mapping needs. */
export function statusValue(status: StatusRef, source: string): string {
  return [status.id ?? '', status.name, status.category ?? '', source].join(SEP);
}

const FIELD_ENTRIES: ReadonlyArray<[keyof WorkItemFields, EntryKind, (v: never) => string]> = [
  ['title', ENTRY.title, (v: string) => v],
  ['type', ENTRY.type, (v: string | null) => v ?? ''],
  ['priority', ENTRY.priority, (v: string | null) => v ?? ''],
  ['team', ENTRY.team, (v: string | null) => v ?? ''],
  ['assignee', ENTRY.assignee, (v: WorkItemFields['assignee']) => (v ? [v.id, v.name ?? ''].join(SEP) : '')],
  ['estimate', ENTRY.estimate, (v: number | null) => (v === null ? '' : String(v))],
  ['dueDate', ENTRY.due, (v: string | null) => v ?? ''],
  ['parentId', ENTRY.parent, (v: string | null) => v ?? ''],
  ['labels', ENTRY.labels, (v: string[]) => v.join(SEP)],
  ['sprintIds', ENTRY.sprints, (v: string[]) => v.join(SEP)],
  ['fixVersions', ENTRY.versions, (v: string[]) => v.join(SEP)],
  ['archived', ENTRY.archived, (v: boolean) => (v ? '1' : '0')],
];

function fieldEntries(fields: Partial<WorkItemFields>): Array<[EntryKind, string]> {
  const out: Array<[EntryKind, string]> = [];
  for (const [field, kind, encode] of FIELD_ENTRIES) {
    if (fields[field] !== undefined) out.push([kind, encode(fields[field] as never)]);
  }
  return out;
}

function timelineEntries(event: CanonicalEvent): TimelineEntry[] {
  const parts: Array<[EntryKind, string]> = [];
  switch (event.type) {
    case 'WorkItemCreated':
      parts.push([ENTRY.created, event.source], [ENTRY.status, statusValue(event.payload.status, event.source)], ...fieldEntries(event.payload.fields));
      break;
    case 'WorkItemStatusChanged':
      parts.push([ENTRY.status, statusValue(event.payload.to, event.source)]);
      if (event.payload.from) parts.push([ENTRY.statusFrom, statusValue(event.payload.from, event.source)]);
      break;
    case 'WorkItemUpdated':
      parts.push(...fieldEntries(event.payload.changes));
      break;
    case 'WorkItemObserved':
      parts.push([ENTRY.observed, statusValue(event.payload.status, event.source)], ...fieldEntries(event.payload.fields));
      break;
    case 'WorkItemBlocked':
      parts.push([ENTRY.blocked, `${event.payload.reason}${SEP}1`]);
      break;
    case 'WorkItemUnblocked':
      parts.push([ENTRY.blocked, `${event.payload.reason}${SEP}0`]);
      break;
    case 'WorkItemDeleted':
      parts.push([ENTRY.deleted, '1']);
      break;
    case 'WorkItemRestored':
      parts.push([ENTRY.deleted, '0']);
      break;
    case 'WorkItemMoved':
      break;
    default:
      return [];
  }
  // Board and key travel with every item event: an item first seen mid-life still has both,
  // and a move is just a later board/key value.
  const board = event.type === 'WorkItemMoved' ? event.payload.toBoardId : event.boardId;
  const key = event.type === 'WorkItemMoved' ? (event.payload.toKey ?? event.itemKey) : event.itemKey;
  if (board) parts.push([ENTRY.board, board]);
  if (key) parts.push([ENTRY.key, key]);
  const at = Date.parse(event.occurredAt);
  const recv = Date.parse(event.receivedAt);
  const id = eventHash(event.eventId);
  return parts.map(([kind, val]) => ({ at, seq: event.sequence, recv, id, kind, val }));
}

/** The first 64 bits of the (already uniformly distributed) event id, as a decimal string. */
export function eventHash(eventId: string): string {
  return BigInt(`0x${eventId.replace(/-/g, '').slice(0, 16)}`).toString();
}
