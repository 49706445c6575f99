import { drafts, ignored, type MapperOutcome } from './mapper-outcome';
import type { TrelloActionScope } from './trello-action.scope';

export function isBlockedLabel(name: string | null | undefined): boolean {
  return (name ?? '').trim().toLowerCase() === 'blocked';
}

function labelName(scope: TrelloActionScope): string {
  const { label, text } = scope.data;
  if (!label && text === undefined) scope.fail('no label');
  return label?.name ?? text ?? '';
}

/**
 * Only a label named `blocked` (any case) is tracked, as WorkItemBlocked/Unblocked. Other labels are
 * ignored: the canonical `labels` field is the full set, which one label action does not give.
 */
export function mapLabelAdded(scope: TrelloActionScope): MapperOutcome {
  const name = labelName(scope);
  if (!isBlockedLabel(name)) return ignored(`label "${name}" is not tracked (only "blocked" is)`);
  scope.card();
  return drafts({ type: 'WorkItemBlocked', discriminator: 'blocked', payload: { reason: 'label', note: null } });
}

export function mapLabelRemoved(scope: TrelloActionScope): MapperOutcome {
  const name = labelName(scope);
  if (!isBlockedLabel(name)) return ignored(`label "${name}" is not tracked (only "blocked" is)`);
  scope.card();
  return drafts({ type: 'WorkItemUnblocked', discriminator: 'unblocked', payload: { reason: 'label' } });
}
