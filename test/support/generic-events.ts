import type { CanonicalEvent, StatusRef, WorkItemFields } from '@flowlens/contracts';

/** The generic-webhook spelling of a canonical event (the generic format is canonical-shaped). */
export function toGenericEvent(e: CanonicalEvent): Record<string, unknown> {
  const base: Record<string, unknown> = { id: e.eventId, occurredAt: e.occurredAt, boardId: e.boardId, sequence: e.sequence };
  if (e.itemId !== null) Object.assign(base, { itemId: e.itemId, itemKey: e.itemKey });
  switch (e.type) {
    case 'WorkItemCreated':
      return { ...base, type: e.type, status: status(e.payload.status), fields: fields(e.payload.fields) };
    case 'WorkItemStatusChanged':
      return { ...base, type: e.type, from: e.payload.from === null ? null : status(e.payload.from), to: status(e.payload.to) };
    case 'WorkItemUpdated':
      return { ...base, type: e.type, changes: fields(e.payload.changes) };
    case 'WorkItemBlocked':
      return { ...base, type: e.type, reason: e.payload.reason, note: e.payload.note };
    case 'WorkItemUnblocked':
      return { ...base, type: e.type, reason: e.payload.reason };
    case 'WorkItemDeleted':
    case 'WorkItemRestored':
      return { ...base, type: e.type };
    case 'WorkItemMoved':
      return { ...base, type: e.type, boardId: e.payload.toBoardId, itemKey: e.payload.toKey ?? e.itemKey, fromBoardId: e.payload.fromBoardId, fromKey: e.payload.fromKey };
    case 'BoardUpserted':
      return { ...base, type: e.type, name: e.payload.name, statuses: e.payload.statuses.map(status) };
    default:
      throw new Error(`no generic spelling for ${e.type}`);
  }
}

function status(s: StatusRef): Record<string, unknown> {
  return { ...(s.id === null ? {} : { id: s.id }), name: s.name, ...(s.category === null ? {} : { category: s.category }) };
}

function fields(f: Partial<WorkItemFields>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined));
}
