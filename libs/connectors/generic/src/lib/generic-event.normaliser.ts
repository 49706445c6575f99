import { isDeepStrictEqual } from 'node:util';
import {
  canonicalEventSchema,
  deterministicEventId,
  EVENT_SCHEMA_VERSION,
  NormalisationError,
  offsetInstant,
  PayloadSchemaError,
  type CanonicalEvent,
  type NormalisationContext,
  type NormalisationResult,
} from '@flowlens/contracts';
import type { z } from 'zod';
import { toPayload } from './generic-event.mapper';
import { genericBatchSchema, genericEventSchema, type GenericEvent } from './generic-event.schema';

type Detail = { path: string; message: string };
const details = (error: z.ZodError): Detail[] =>
  error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));

/** Schema-checks a body: one event, or `{ events: [...] }`. */
export function parseGenericBody(body: unknown): { events: GenericEvent[]; prefix: (i: number) => string } {
  if (typeof body === 'object' && body !== null && !Array.isArray(body) && 'events' in body) {
    const parsed = genericBatchSchema.safeParse(body);
    if (!parsed.success) throw new PayloadSchemaError('not a generic event batch', details(parsed.error));
    return { events: parsed.data.events, prefix: (i) => `events.${i}.` };
  }
  const parsed = genericEventSchema.safeParse(body);
  if (!parsed.success) throw new PayloadSchemaError('not a generic event', details(parsed.error));
  return { events: [parsed.data], prefix: () => '' };
}

/** Rules JSON Schema cannot say: an update changes something; one id is one change. */
function checkSemantics(events: readonly GenericEvent[], prefix: (i: number) => string): void {
  const problems: Detail[] = [];
  const seen = new Map<string, GenericEvent>();
  events.forEach((event, i) => {
    if (event.type === 'WorkItemUpdated' && Object.values(event.changes).every((v) => v === undefined)) {
      problems.push({ path: `${prefix(i)}changes`, message: 'must change at least one field' });
    }
    const earlier = seen.get(event.id);
    if (earlier && !isDeepStrictEqual(earlier, event)) {
      problems.push({ path: `${prefix(i)}id`, message: `id ${event.id} is used by a different event in this request` });
    }
    seen.set(event.id, event);
  });
  if (problems.length > 0) throw new PayloadSchemaError('invalid generic events', problems);
}

function toCanonical(event: GenericEvent, ctx: NormalisationContext): CanonicalEvent {
  const occurredAt = offsetInstant(event.occurredAt);
  const isItem = event.type !== 'BoardUpserted';
  const candidate = {
    eventId: deterministicEventId(ctx.workspaceId, 'generic', event.id),
    workspaceId: ctx.workspaceId,
    connectorId: ctx.connectorId,
    source: 'generic',
    sourceEventId: event.id,
    occurredAt,
    receivedAt: ctx.receivedAt,
    sequence: event.sequence ?? 0,
    schemaVersion: EVENT_SCHEMA_VERSION,
    boardId: event.boardId,
    itemId: isItem ? event.itemId : null,
    itemKey: isItem ? (event.itemKey ?? event.itemId) : null,
    ...toPayload(event),
  };
  const parsed = canonicalEventSchema.safeParse(candidate);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new NormalisationError(`generic event ${event.id}: ${issues}`);
  }
  return parsed.data;
}

/**
 * Generic webhook body -> canonical events, in request order. eventId =
 * deterministicEventId(workspaceId, 'generic', id), so a re-sent event collapses downstream.
 */
export function normaliseGenericBody(body: unknown, ctx: NormalisationContext): NormalisationResult {
  const { events, prefix } = parseGenericBody(body);
  checkSemantics(events, prefix);
  return { kind: 'events', events: events.map((event) => toCanonical(event, ctx)) };
}
