import type { SprintPayload } from '@flowlens/contracts';
import type { TimedEvent } from './event-stream';

export interface SprintTimeline extends SprintPayload {
  readonly boardId: string | null;
}

const SPRINT_EVENTS = new Set(['SprintUpserted', 'SprintStarted', 'SprintClosed']);

/** Each sprint as its latest Sprint* event (in source order) describes it. */
export function foldSprints(timed: readonly TimedEvent[]): SprintTimeline[] {
  const sprints = new Map<string, SprintTimeline>();
  for (const { event } of timed) {
    if (!SPRINT_EVENTS.has(event.type) || !('sprintId' in event.payload)) continue;
    const payload = event.payload as SprintPayload;
    sprints.set(payload.sprintId, { ...payload, boardId: event.boardId });
  }
  return [...sprints.values()];
}
