import { drafts, type MapperOutcome } from './mapper-outcome';
import type { TrelloActionScope } from './trello-action.scope';

/**
 * A card may have several members; the canonical item has one assignee. Rule: the assignee is the
 * member added last. Removing any member clears it (the payload does not say who remains) until the
 * next member is added.
 */
export function mapMemberAdded(scope: TrelloActionScope): MapperOutcome {
  scope.card();
  const { idMember, member } = scope.data;
  const id = idMember || member?.id || scope.action.member?.id;
  if (!id) scope.fail('no member id');
  const profile = scope.action.member?.id === id ? scope.action.member : undefined;
  const name = profile?.fullName ?? (member?.id === id ? member.name : undefined) ?? null;
  return drafts({
    type: 'WorkItemUpdated',
    discriminator: 'assignee',
    payload: { changes: { assignee: { id, name } } },
  });
}

export function mapMemberRemoved(scope: TrelloActionScope): MapperOutcome {
  scope.card();
  return drafts({ type: 'WorkItemUpdated', discriminator: 'assignee', payload: { changes: { assignee: null } } });
}
