import { type CanonicalEvent, emptyWorkItemFields, type StatusRef, type WorkItemFields } from '@flowlens/contracts';
import type { GenericEvent, GenericFields } from './generic-event.schema';

type Status = { id?: string; name: string; category?: StatusRef['category'] };
type Payloaded = Pick<CanonicalEvent, 'type' | 'payload'>;

export const toStatus = (status: Status): StatusRef => ({
  id: status.id ?? null,
  name: status.name,
  category: status.category ?? null,
});

/** Only the keys the sender gave: an update changes those and nothing else. */
export function toChanges(fields: Partial<GenericFields>): Partial<WorkItemFields> {
  const changes: Partial<WorkItemFields> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (key === 'assignee') {
      const assignee = value as GenericFields['assignee'];
      changes.assignee = assignee ? { id: assignee.id, name: assignee.name ?? null } : null;
    } else {
      (changes as Record<string, unknown>)[key] = value;
    }
  }
  return changes;
}

export function toFields(fields: GenericFields): WorkItemFields {
  return { ...emptyWorkItemFields(fields.title), ...toChanges(fields) };
}

/** The canonical `type` and `payload` of one generic event. */
export function toPayload(event: GenericEvent): Payloaded {
  switch (event.type) {
    case 'WorkItemCreated':
      return { type: event.type, payload: { fields: toFields(event.fields), status: toStatus(event.status) } };
    case 'WorkItemStatusChanged':
      return { type: event.type, payload: { from: event.from ? toStatus(event.from) : null, to: toStatus(event.to) } };
    case 'WorkItemUpdated':
      return { type: event.type, payload: { changes: toChanges(event.changes) } };
    case 'WorkItemBlocked':
      return { type: event.type, payload: { reason: event.reason ?? 'external', note: event.note ?? null } };
    case 'WorkItemUnblocked':
      return { type: event.type, payload: { reason: event.reason ?? 'external' } };
    case 'WorkItemDeleted':
    case 'WorkItemRestored':
      return { type: event.type, payload: {} };
    case 'WorkItemMoved':
      return {
        type: event.type,
        payload: {
          fromBoardId: event.fromBoardId,
          toBoardId: event.boardId,
          fromKey: event.fromKey ?? null,
          toKey: event.itemKey ?? event.itemId,
        },
      };
    case 'BoardUpserted':
      return { type: event.type, payload: { name: event.name, statuses: event.statuses.map(toStatus) } };
  }
}
