import { NormalisationError, type CanonicalEvent, type NormalisationContext } from '@flowlens/contracts';
import type { JiraVersion } from '../schema/jira-primitives.schema';
import type { JiraVersionWebhook } from '../schema/jira-webhook.schema';
import { localDateOf } from './field-values.util';
import { envelopeOf } from './jira-event.factory';
import { firstInstant } from './jira-time.util';

interface VersionObservation {
  /** Epoch milliseconds of the observation: Jira's webhook time, or the back-fill's. */
  readonly timestamp: number | null;
  readonly occurredAt: string;
  readonly sourceEventId: string;
  readonly boardId: string | null;
}

/**
 * One observed state of a version. Identified like sprints, by the observation time and the state
 * it carries: a retry collapses, while a return to an earlier state stays a new event so the latest
 * upsert wins downstream.
 */
function releaseUpserted(version: JiraVersion, observation: VersionObservation, ctx: NormalisationContext, what: string): CanonicalEvent {
  if (!version.id) throw new NormalisationError(`${what}: version without an id`);
  const payload = {
    releaseId: version.id,
    name: version.name ?? '',
    releaseDate: localDateOf(version.releaseDate),
    released: version.released ?? false,
    archived: version.archived ?? false,
  };
  return {
    ...envelopeOf(ctx, {
      idParts: ['version', version.id, 'upserted', String(observation.timestamp ?? ''), JSON.stringify(payload)],
      sourceEventId: observation.sourceEventId,
      occurredAt: observation.occurredAt,
      sequence: 0,
    }),
    boardId: observation.boardId,
    itemId: null,
    itemKey: null,
    type: 'ReleaseUpserted',
    payload,
  };
}

/**
 * Version webhooks carry `projectId` but not the project key, so `boardId` stays null unless a
 * key is present; the projection can join on the project id.
 */
export function versionEvents(body: JiraVersionWebhook, ctx: NormalisationContext): CanonicalEvent[] {
  const { version, webhookEvent } = body;
  const observation = {
    timestamp: body.timestamp,
    occurredAt: firstInstant(ctx.receivedAt, body.timestamp),
    sourceEventId: `version:${version.id}:${webhookEvent}`,
    boardId: version.projectKey || null,
  };
  return [releaseUpserted(version, observation, ctx, webhookEvent)];
}

/**
 * A version as a back-fill reads it from a project's version list: observed at the back-fill's
 * `receivedAt` (REST gives no change time), on the board of the project it was read from. A resumed
 * or repeated run of the same back-fill gives the same ids; a webhook of the same state at the same
 * millisecond would too.
 */
export function backfilledVersionEvent(projectKey: string, version: JiraVersion, ctx: NormalisationContext): CanonicalEvent {
  const observation = {
    timestamp: Date.parse(ctx.receivedAt),
    occurredAt: ctx.receivedAt,
    sourceEventId: `version:${version.id}:backfill`,
    boardId: projectKey,
  };
  return releaseUpserted(version, observation, ctx, `project ${projectKey}`);
}
