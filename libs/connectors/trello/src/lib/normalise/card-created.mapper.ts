import { emptyWorkItemFields, type WorkItemFields } from '@flowlens/contracts';
import { drafts, type MapperOutcome } from './mapper-outcome';
import type { TrelloActionScope } from './trello-action.scope';

/** Every tracked field in its "nothing known yet" state; a Trello card has no type, priority or estimate. */
export function emptyTrelloFields(title: string): WorkItemFields {
  return emptyWorkItemFields(title);
}

/**
 * createCard, copyCard (the new card), emailCard and convertToCardFromCheckItem. The payload names the
 * card and its list only, so the other fields start empty and later actions fill them in.
 */
export function mapCardCreated(scope: TrelloActionScope): MapperOutcome {
  scope.card();
  const title = scope.data.card?.name;
  if (title === undefined) scope.fail('the new card has no name');
  const list = scope.data.list ?? (scope.data.card?.idList ? { id: scope.data.card.idList } : undefined);
  return drafts({
    type: 'WorkItemCreated',
    discriminator: 'created',
    payload: { fields: emptyTrelloFields(title), status: scope.status(list, 'card') },
  });
}

export function mapCardDeleted(scope: TrelloActionScope): MapperOutcome {
  scope.card();
  return drafts({ type: 'WorkItemDeleted', discriminator: 'deleted', payload: {} });
}
