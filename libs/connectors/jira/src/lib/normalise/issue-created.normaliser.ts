import { NormalisationError, type CanonicalEvent, type NormalisationContext } from '@flowlens/contracts';
import { hasBlockedLabel } from './field-values.util';
import type { IssueState } from './issue-state';
import { envelopeOf, JIRA_SEQUENCE } from './jira-event.factory';
import type { StatusCategoryLookup } from './status-category';

export interface CreationInput {
  readonly ctx: NormalisationContext;
  readonly issueId: string;
  /** The issue as it was created (rewound past every changelog). */
  readonly state: IssueState;
  readonly occurredAt: string;
  readonly categoryOf: StatusCategoryLookup;
}

/** `WorkItemCreated`, plus `WorkItemBlocked` when the issue was born flagged or labelled blocked. */
export function creationEvents(input: CreationInput): CanonicalEvent[] {
  const { ctx, issueId, state, occurredAt } = input;
  if (state.status === null) throw new NormalisationError(`issue ${state.key} has no status`);
  const identity = { itemId: issueId, itemKey: state.key, boardId: state.boardId };
  const origin = (idParts: string[], sequence: number) => ({
    idParts: [issueId, ...idParts],
    sourceEventId: `${issueId}:created`,
    occurredAt,
    sequence,
  });
  const events: CanonicalEvent[] = [
    {
      ...envelopeOf(ctx, origin(['created'], JIRA_SEQUENCE.created)),
      ...identity,
      type: 'WorkItemCreated',
      payload: { fields: state.fields, status: { ...state.status, category: input.categoryOf(state.status.id) } },
    },
  ];
  if (state.flagged) {
    events.push({
      ...envelopeOf(ctx, origin(['created', 'flag'], JIRA_SEQUENCE.createdFlag)),
      ...identity,
      type: 'WorkItemBlocked',
      payload: { reason: 'flag', note: null },
    });
  }
  if (hasBlockedLabel(state.fields.labels)) {
    events.push({
      ...envelopeOf(ctx, origin(['created', 'label'], JIRA_SEQUENCE.createdLabel)),
      ...identity,
      type: 'WorkItemBlocked',
      payload: { reason: 'label', note: null },
    });
  }
  return events;
}
