import type { WorkItemFields } from '@flowlens/contracts';
import type { EventDraft } from './trello-event.factory';
import { drafts, ignored, type MapperOutcome } from './mapper-outcome';
import type { TrelloActionScope } from './trello-action.scope';

function statusChange(scope: TrelloActionScope, old: Record<string, unknown>): EventDraft | null {
  const { listBefore, listAfter, card } = scope.data;
  if (!listBefore && !listAfter && !('idList' in old)) return null;
  scope.card();
  const to = scope.status(listAfter ?? (card?.idList ? { id: card.idList } : undefined), 'new');
  const before = listBefore ?? (typeof old['idList'] === 'string' ? { id: old['idList'] } : undefined);
  const from = before ? scope.status(before, 'previous') : null;
  if (from?.id === to.id) return null;
  return { type: 'WorkItemStatusChanged', discriminator: 'status', payload: { from, to } };
}

function fieldChanges(scope: TrelloActionScope, old: Record<string, unknown>): Partial<WorkItemFields> {
  const card = scope.data.card;
  const changes: Partial<WorkItemFields> = {};
  if ('closed' in old) {
    if (typeof card?.closed !== 'boolean') scope.fail('the archive change carries no closed flag');
    changes.archived = card.closed;
  }
  if ('due' in old) changes.dueDate = scope.dueDate(card?.due);
  if ('name' in old) {
    if (typeof card?.name !== 'string') scope.fail('the rename carries no new name');
    changes.title = card.name;
  }
  return changes;
}

/**
 * updateCard: a list change is a status change; closed/due/name become WorkItemUpdated. Position,
 * description, cover and other changes are not tracked.
 */
export function mapCardUpdated(scope: TrelloActionScope): MapperOutcome {
  const old = scope.data.old ?? {};
  const result: EventDraft[] = [];
  const status = statusChange(scope, old);
  if (status) result.push(status);
  const changes = fieldChanges(scope, old);
  if (Object.keys(changes).length > 0) {
    scope.card();
    result.push({ type: 'WorkItemUpdated', discriminator: 'updated', payload: { changes } });
  }
  if (result.length === 0) {
    const keys = Object.keys(old);
    return ignored(`updateCard changes no tracked field (${keys.length > 0 ? keys.join(', ') : 'no old values'})`);
  }
  return drafts(...result);
}
