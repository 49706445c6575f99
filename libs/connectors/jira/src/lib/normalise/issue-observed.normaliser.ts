import type { CanonicalEvent, NormalisationContext } from '@flowlens/contracts';
import type { JiraConnectorSettings } from '../schema/jira-connector-settings.schema';
import type { JiraIssueRef } from '../schema/jira-issue.schema';
import { boardIdOf, carriedFieldsOf, currentStatusOf } from './issue-state';
import { envelopeOf, JIRA_SEQUENCE, type EventOrigin } from './jira-event.factory';

export interface ObservationInput {
  readonly ctx: NormalisationContext;
  readonly settings: JiraConnectorSettings;
  readonly issue: JiraIssueRef;
  /** The change the issue was carried by: id parts and time, as its other events have them. */
  readonly origin: Omit<EventOrigin, 'sequence'>;
}

/**
 * `WorkItemObserved`: the issue as its `fields` show it after the change, so an item whose first
 * event is an update (a comment, an assignee change) becomes known. Empty when the payload carries
 * no status.
 */
export function observationEvents(input: ObservationInput): CanonicalEvent[] {
  const { issue } = input;
  const status = currentStatusOf(issue.fields);
  if (!issue.fields || !status) return [];
  return [
    {
      ...envelopeOf(input.ctx, { ...input.origin, idParts: [...input.origin.idParts, 'observed'], sequence: JIRA_SEQUENCE.observed }),
      itemId: issue.id,
      itemKey: issue.key,
      boardId: boardIdOf(issue),
      type: 'WorkItemObserved',
      payload: { fields: carriedFieldsOf(issue.fields, input.settings), status },
    },
  ];
}
