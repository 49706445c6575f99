import { NormalisationError, type CanonicalEvent, type NormalisationContext, type SprintPayload } from '@flowlens/contracts';
import type { JiraSprintWebhook } from '../schema/jira-webhook.schema';
import { envelopeOf } from './jira-event.factory';
import { firstInstant, jiraInstant } from './jira-time.util';

const STATES: ReadonlySet<string> = new Set(['future', 'active', 'closed']);
const IMPLIED_STATE: ReadonlyMap<string, SprintPayload['state']> = new Map([
  ['sprint_created', 'future'],
  ['sprint_started', 'active'],
  ['sprint_closed', 'closed'],
]);

function sprintPayloadOf(body: JiraSprintWebhook): SprintPayload {
  const { sprint, webhookEvent } = body;
  if (!sprint.id) throw new NormalisationError(`${webhookEvent}: sprint without an id`);
  // Cloud sends `active`; Data Center's sprint strings and some payloads send `ACTIVE`.
  const state = sprint.state ? sprint.state.toLowerCase() : IMPLIED_STATE.get(webhookEvent);
  if (!state || !STATES.has(state)) throw new NormalisationError(`${webhookEvent}: sprint ${sprint.id} has unknown state ${sprint.state}`);
  return {
    sprintId: sprint.id,
    name: sprint.name ?? '',
    state: state as SprintPayload['state'],
    startAt: jiraInstant(sprint.startDate),
    endAt: jiraInstant(sprint.endDate),
    completeAt: jiraInstant(sprint.completeDate),
    goal: sprint.goal || null,
  };
}

/**
 * Starting and closing happen once per sprint, so their ids need nothing more. An upsert is
 * identified by Jira's event time and the state it carries: a retry collapses, while a return to an
 * earlier state (A, B, A) stays three events so the latest state wins downstream.
 */
export function sprintEvents(body: JiraSprintWebhook, ctx: NormalisationContext): CanonicalEvent[] {
  const payload = sprintPayloadOf(body);
  const envelope = (discriminator: string[]) => ({
    ...envelopeOf(ctx, {
      idParts: ['sprint', payload.sprintId, ...discriminator],
      sourceEventId: `sprint:${payload.sprintId}:${body.webhookEvent}`,
      occurredAt: firstInstant(ctx.receivedAt, body.timestamp),
      sequence: 0,
    }),
    boardId: null,
    itemId: null,
    itemKey: null,
  });
  switch (body.webhookEvent) {
    case 'sprint_started':
      return [{ ...envelope(['started']), type: 'SprintStarted', payload }];
    case 'sprint_closed':
      return [{ ...envelope(['closed']), type: 'SprintClosed', payload }];
    default:
      return [{ ...envelope(['upserted', String(body.timestamp ?? ''), JSON.stringify(payload)]), type: 'SprintUpserted', payload }];
  }
}
