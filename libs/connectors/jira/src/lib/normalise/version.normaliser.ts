import { NormalisationError, type CanonicalEvent, type NormalisationContext } from '@flowlens/contracts';
import type { JiraVersionWebhook } from '../schema/jira-webhook.schema';
import { localDateOf } from './field-values.util';
import { envelopeOf } from './jira-event.factory';
import { firstInstant } from './jira-time.util';

/**
 * Version webhooks carry `projectId` but not the project key, so `boardId` stays null unless a
 * key is present; the projection can join on the project id.
 */
export function versionEvents(body: JiraVersionWebhook, ctx: NormalisationContext): CanonicalEvent[] {
  const { version, webhookEvent } = body;
  if (!version.id) throw new NormalisationError(`${webhookEvent}: version without an id`);
  const payload = {
    releaseId: version.id,
    name: version.name ?? '',
    releaseDate: localDateOf(version.releaseDate),
    released: version.released ?? false,
    archived: version.archived ?? false,
  };
  return [
    {
      ...envelopeOf(ctx, {
        idParts: ['version', version.id, 'upserted', String(body.timestamp ?? ''), JSON.stringify(payload)],
        sourceEventId: `version:${version.id}:${webhookEvent}`,
        occurredAt: firstInstant(ctx.receivedAt, body.timestamp),
        sequence: 0,
      }),
      boardId: version.projectKey || null,
      itemId: null,
      itemKey: null,
      type: 'ReleaseUpserted',
      payload,
    },
  ];
}
