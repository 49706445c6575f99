import type { TrelloAction } from '../schema/trello-action.schema';
import type { TrelloCardState } from './trello-history.types';
import { isBlockedLabel } from '../normalise/card-label.mapper';

/** What a card looked like just before the first action of the history, rewound from its current state. */
export interface CardStartState {
  readonly list: { readonly id: string; readonly name?: string } | null;
  /** Set when the card entered this board by a recorded moveCardToBoard: it began on that board. */
  readonly originBoardId: string | null;
  readonly title: string;
  readonly key: string | null;
  readonly dueDate: string | null | undefined;
  readonly archived: boolean;
  readonly memberIds: readonly string[];
  readonly blocked: boolean;
}

const firstWith = <T>(actions: readonly TrelloAction[], pick: (a: TrelloAction) => T | undefined): T | undefined => {
  for (const action of actions) {
    const value = pick(action);
    if (value !== undefined) return value;
  }
  return undefined;
};

const oldValue = (action: TrelloAction, key: string): unknown =>
  action.type === 'updateCard' && action.data.old && key in action.data.old ? action.data.old[key] : undefined;

function startList(actions: readonly TrelloAction[], card: TrelloCardState | undefined): CardStartState['list'] {
  const fromActions = firstWith(actions, (a) => {
    if (a.type === 'updateCard' && a.data.listBefore) return a.data.listBefore;
    const oldList = oldValue(a, 'idList');
    if (typeof oldList === 'string') return { id: oldList };
    return a.data.list;
  });
  return fromActions ?? (card ? { id: card.idList } : null);
}

interface SetRule {
  readonly add: string;
  readonly remove: string;
  readonly value: (action: TrelloAction) => string | undefined;
}

const LABELS: SetRule = { add: 'addLabelToCard', remove: 'removeLabelFromCard', value: (a) => a.data.label?.name ?? a.data.text };
const MEMBERS: SetRule = { add: 'addMemberToCard', remove: 'removeMemberFromCard', value: (a) => a.data.idMember ?? a.data.member?.id };

/** Undoes the recorded additions and removals, newest first, on the current set. */
function rewindSet(current: readonly string[], actions: readonly TrelloAction[], rule: SetRule): string[] {
  const set = [...current];
  for (const action of [...actions].reverse()) {
    const value = rule.value(action);
    if (value === undefined) continue;
    const at = set.indexOf(value);
    if (action.type === rule.add && at >= 0) set.splice(at, 1);
    if (action.type === rule.remove && at < 0) set.push(value);
  }
  return set;
}

/** `actions`: this card's actions, oldest first. `card`: its current state, if it is still on the board. */
export function cardStartState(actions: readonly TrelloAction[], card: TrelloCardState | undefined): CardStartState {
  const first = actions[0];
  const renamed = firstWith(actions, (a) => oldValue(a, 'name'));
  const due = firstWith(actions, (a) => oldValue(a, 'due'));
  const closed = firstWith(actions, (a) => oldValue(a, 'closed'));
  const labels = (card?.labels ?? []).map((label) => label.name || label.color || label.id);
  return {
    list: startList(actions, card),
    originBoardId: first?.type === 'moveCardToBoard' ? (first.data.boardSource?.id ?? null) : null,
    title: typeof renamed === 'string' ? renamed : (first?.data.card?.name ?? card?.name ?? ''),
    key: card?.shortLink ?? firstWith(actions, (a) => a.data.card?.shortLink) ?? null,
    dueDate: due === undefined ? card?.due : typeof due === 'string' ? due : null,
    archived: typeof closed === 'boolean' ? closed : (card?.closed ?? false),
    memberIds: rewindSet(card?.idMembers ?? [], actions, MEMBERS),
    blocked: rewindSet(labels, actions, LABELS).some(isBlockedLabel),
  };
}
