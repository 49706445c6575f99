import type { CanonicalEvent } from '@flowlens/contracts';
import { instantMs } from '../time/duration.util';

/** An event with its instants parsed once. */
export interface TimedEvent<E extends CanonicalEvent = CanonicalEvent> {
  readonly event: E;
  readonly occurredMs: number;
  readonly receivedMs: number;
}

/** Source order: (occurredAt, sequence, eventId). Arrival order never matters. */
export function compareTimed(a: TimedEvent, b: TimedEvent): number {
  return (
    a.occurredMs - b.occurredMs ||
    a.event.sequence - b.event.sequence ||
    (a.event.eventId < b.event.eventId ? -1 : a.event.eventId > b.event.eventId ? 1 : 0)
  );
}

/**
 * The events the platform knew, in source order: one copy per eventId (the earliest received;
 * the first given among equals), and with `asOf` only events that had both occurred and been
 * received by then.
 */
export function knownEvents(events: readonly CanonicalEvent[], asOfMs: number | null): TimedEvent[] {
  const byId = new Map<string, TimedEvent>();
  for (const event of events) {
    const timed = { event, occurredMs: instantMs(event.occurredAt), receivedMs: instantMs(event.receivedAt) };
    const kept = byId.get(event.eventId);
    if (!kept || timed.receivedMs < kept.receivedMs) byId.set(event.eventId, timed);
  }
  const known = [...byId.values()].filter(
    (timed) => asOfMs === null || (timed.occurredMs <= asOfMs && timed.receivedMs <= asOfMs),
  );
  return known.sort(compareTimed);
}
