import {
  canonicalEventSchema,
  deterministicEventId,
  EVENT_SCHEMA_VERSION,
  NormalisationError,
  type CanonicalEvent,
  type NormalisationContext,
} from '@flowlens/contracts';

/**
 * Fixed ranks inside one source change, so events sharing an `occurredAt` replay in a sensible
 * order (a creation before a same-millisecond changelog, a move before the status it carried).
 */
export const JIRA_SEQUENCE = {
  created: 0,
  createdFlag: 1,
  createdLabel: 2,
  moved: 3,
  status: 4,
  updated: 5,
  flag: 6,
  label: 7,
  /** After everything else: it shows the issue as the change left it. */
  observed: 8,
} as const;

export interface EventOrigin {
  /** Jira identities the event id is derived from, e.g. `[issueId, changelogId, 'status']`. */
  readonly idParts: ReadonlyArray<string>;
  readonly sourceEventId: string;
  readonly occurredAt: string;
  readonly sequence: number;
}

export function jiraEventId(ctx: NormalisationContext, idParts: ReadonlyArray<string>): string {
  return deterministicEventId(ctx.workspaceId, 'jira', ...idParts);
}

export function envelopeOf(ctx: NormalisationContext, origin: EventOrigin) {
  return {
    eventId: jiraEventId(ctx, origin.idParts),
    workspaceId: ctx.workspaceId,
    connectorId: ctx.connectorId,
    source: 'jira' as const,
    sourceEventId: origin.sourceEventId,
    occurredAt: origin.occurredAt,
    receivedAt: ctx.receivedAt,
    sequence: origin.sequence,
    schemaVersion: EVENT_SCHEMA_VERSION,
  };
}

export interface ItemIdentity {
  readonly itemId: string;
  readonly itemKey: string;
  readonly boardId: string;
}

/**
 * Last line of defence: an event that would break the contract goes to the dead-letter topic
 * with its reason instead of into the log.
 */
export function assertCanonical(events: readonly CanonicalEvent[]): CanonicalEvent[] {
  return events.map((event) => {
    const result = canonicalEventSchema.safeParse(event);
    if (result.success) return result.data;
    const issue = result.error.issues[0];
    const where = issue ? `${issue.path.map(String).join('.')}: ${issue.message}` : 'invalid';
    throw new NormalisationError(`${event.type} ${event.itemKey ?? event.sourceEventId} breaks the contract at ${where}`);
  });
}
