import {
  canonicalEventSchema,
  EVENT_SCHEMA_VERSION,
  NormalisationError,
  type CanonicalEvent,
  type CanonicalEventOf,
  type NormalisationContext,
  type WorkItemEvent,
} from '@flowlens/contracts';

type ItemEventType = WorkItemEvent['type'];
type BoardPayload = CanonicalEventOf<'BoardUpserted'>['payload'];

/** A work-item event before its envelope: what a mapper decides from one action. */
export type EventDraft = {
  [T in ItemEventType]: { readonly type: T; readonly payload: CanonicalEventOf<T>['payload'] };
}[ItemEventType] & {
  /** Distinguishes the events of one action in the eventId (`status`, `updated`, ...). */
  readonly discriminator: string;
  /** Overrides the envelope board (a move's event belongs to the target board). */
  readonly boardId?: string;
  /** Overrides the id parts after `(workspaceId, 'trello')` when one change has two action ids. */
  readonly idParts?: ReadonlyArray<string | number>;
};

export interface TrelloEventEnvelope {
  readonly eventId: string;
  readonly sourceEventId: string;
  readonly occurredAt: string;
  readonly sequence: number;
  readonly boardId: string;
  /** Null only for board-level events (BoardUpserted). */
  readonly itemId: string | null;
  readonly itemKey: string | null;
}

/**
 * Assembles and validates one canonical event. Validation here turns any payload oddity that slipped
 * past the schema (an empty id, say) into a dead letter instead of a bad event in the log.
 */
export function makeTrelloEvent(
  ctx: NormalisationContext,
  envelope: TrelloEventEnvelope,
  draft: Pick<EventDraft, 'type' | 'payload'> | { type: 'BoardUpserted'; payload: BoardPayload },
): CanonicalEvent {
  const candidate = {
    ...envelope,
    workspaceId: ctx.workspaceId,
    connectorId: ctx.connectorId,
    source: 'trello',
    receivedAt: ctx.receivedAt,
    schemaVersion: EVENT_SCHEMA_VERSION,
    type: draft.type,
    payload: draft.payload,
  };
  const parsed = canonicalEventSchema.safeParse(candidate);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new NormalisationError(`${envelope.sourceEventId} gives an invalid ${draft.type} (${issues})`);
  }
  return parsed.data;
}
