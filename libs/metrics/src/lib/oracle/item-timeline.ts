import type { BlockReason, CanonicalEventOf, EventSource, StatusRef, WorkItemEvent, WorkItemFields } from '@flowlens/contracts';
import type { TimedEvent } from './event-stream';

/** What decides an item's stage and sprint membership at an instant. */
export interface ItemState {
  /** Null only before the creation event of an item whose events arrived out of source order. */
  readonly status: StatusRef | null;
  readonly boardId: string;
  readonly archived: boolean;
  readonly blockReasons: readonly BlockReason[];
  readonly sprintIds: readonly string[];
}

/** The state after one event, in source order. */
export interface ItemSnapshot extends ItemState {
  readonly at: number;
}

export interface ItemTimeline {
  readonly itemId: string;
  readonly itemKey: string;
  readonly source: EventSource;
  /** Current board: the board of the latest event (a WorkItemMoved's target for a move). */
  readonly boardId: string;
  readonly createdAt: number;
  readonly deleted: boolean;
  /** Latest value of every field seen on Created/Updated. */
  readonly fields: Partial<WorkItemFields>;
  readonly snapshots: readonly ItemSnapshot[];
}

type StatusChanged = CanonicalEventOf<'WorkItemStatusChanged'>;
type Observed = CanonicalEventOf<'WorkItemObserved'>;

/**
 * Folds one item's events (already in source order) into its timeline. Without a Created
 * event, the item exists from its earliest event, in the `from` status of its first status
 * change (else that change's `to`), else in the status of its first observation; with no status
 * information at all it yields null. An observation never changes the status of a known history.
 */
export function foldItem(timed: readonly TimedEvent<WorkItemEvent>[]): ItemTimeline | null {
  const events = timed.map((entry) => entry.event);
  const created = timed.find((entry) => entry.event.type === 'WorkItemCreated');
  const firstChange = events.find((event): event is StatusChanged => event.type === 'WorkItemStatusChanged');
  const firstObserved = events.find((event): event is Observed => event.type === 'WorkItemObserved');
  const first = events[0];
  let state: ItemState = {
    status: created ? null : (firstChange?.payload.from ?? firstChange?.payload.to ?? firstObserved?.payload.status ?? null),
    boardId: created?.event.boardId ?? (first.type === 'WorkItemMoved' ? first.payload.fromBoardId : first.boardId),
    archived: false,
    blockReasons: [],
    sprintIds: [],
  };
  if (!created && state.status === null) return null;
  let fields: Partial<WorkItemFields> = {};
  let deleted = false;
  let itemKey = first.itemKey;
  const snapshots: ItemSnapshot[] = [];
  for (const { event, occurredMs } of timed) {
    itemKey = event.type === 'WorkItemMoved' ? (event.payload.toKey ?? event.itemKey) : event.itemKey;
    // Every event says which board the item is on at that moment; a move names its target.
    state = { ...state, boardId: event.type === 'WorkItemMoved' ? event.payload.toBoardId : event.boardId };
    switch (event.type) {
      case 'WorkItemCreated':
        fields = { ...fields, ...event.payload.fields };
        state = { ...state, status: event.payload.status, ...membership(event.payload.fields) };
        break;
      case 'WorkItemUpdated':
        fields = { ...fields, ...definedOnly(event.payload.changes) };
        state = { ...state, ...membership(event.payload.changes) };
        break;
      case 'WorkItemObserved':
        fields = { ...fields, ...definedOnly(event.payload.fields) };
        state = { ...state, ...membership(event.payload.fields) };
        break;
      case 'WorkItemStatusChanged':
        state = { ...state, status: event.payload.to };
        break;
      case 'WorkItemBlocked':
        state = { ...state, blockReasons: [...new Set([...state.blockReasons, event.payload.reason])].sort() };
        break;
      case 'WorkItemUnblocked':
        state = { ...state, blockReasons: state.blockReasons.filter((reason) => reason !== event.payload.reason) };
        break;
      case 'WorkItemDeleted':
      case 'WorkItemRestored':
        deleted = event.type === 'WorkItemDeleted';
        break;
      case 'WorkItemMoved':
        state = { ...state, boardId: event.payload.toBoardId };
        break;
    }
    snapshots.push({ ...state, at: occurredMs });
  }
  return {
    itemId: first.itemId,
    itemKey,
    source: (created?.event ?? first).source,
    boardId: state.boardId,
    createdAt: (created ?? timed[0]).occurredMs,
    deleted,
    fields,
    snapshots,
  };
}

function membership(fields: Partial<WorkItemFields>): Partial<Pick<ItemState, 'archived' | 'sprintIds'>> {
  return definedOnly({ archived: fields.archived, sprintIds: fields.sprintIds });
}

function definedOnly<T extends object>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as Partial<T>;
}
