import { NormalisationError, type CanonicalEvent, type NormalisationContext } from '@flowlens/contracts';
import type { JiraProjectWebhook } from '../schema/jira-webhook.schema';
import { envelopeOf } from './jira-event.factory';
import { firstInstant } from './jira-time.util';

/** `project_created` / `project_updated` -> ProjectUpserted, identified by event time and state (see sprints). */
export function projectEvents(body: JiraProjectWebhook, ctx: NormalisationContext): CanonicalEvent[] {
  const { project, webhookEvent } = body;
  if (!project.id || !project.key) throw new NormalisationError(`${webhookEvent}: project without id or key`);
  const payload = { projectId: project.id, key: project.key, name: project.name ?? '' };
  return [
    {
      ...envelopeOf(ctx, {
        idParts: ['project', project.id, 'upserted', String(body.timestamp ?? ''), JSON.stringify(payload)],
        sourceEventId: `project:${project.id}:${webhookEvent}`,
        occurredAt: firstInstant(ctx.receivedAt, body.timestamp),
        sequence: 0,
      }),
      boardId: project.key,
      itemId: null,
      itemKey: null,
      type: 'ProjectUpserted',
      payload,
    },
  ];
}
