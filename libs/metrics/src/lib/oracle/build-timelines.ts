import { isWorkItemEvent, type CanonicalEvent, type WorkItemEvent } from '@flowlens/contracts';
import { instantMs } from '../time/duration.util';
import { catalogBoards, type BoardCatalog } from './board-catalog';
import { knownEvents, type TimedEvent } from './event-stream';
import { foldItem, type ItemTimeline } from './item-timeline';
import { foldSprints, type SprintTimeline } from './sprint-timeline';

export interface BuildOptions {
  /** Answer with only what the platform knew then (occurredAt and receivedAt <= asOf). */
  readonly asOf?: string;
  /** The evaluation instant when there is no `asOf`; the library never reads the clock. */
  readonly now?: string;
}

export interface Timelines {
  /** Every item with a known status, deleted ones included (flagged), ordered by itemId. */
  readonly items: readonly ItemTimeline[];
  readonly sprints: readonly SprintTimeline[];
  readonly boards: readonly BoardCatalog[];
  /** `asOf`, else `now`, else null (after every event). */
  readonly evaluatedAt: number | null;
}

export function buildTimelines(events: readonly CanonicalEvent[], options: BuildOptions = {}): Timelines {
  const asOf = options.asOf === undefined ? null : instantMs(options.asOf);
  const now = options.now === undefined ? null : instantMs(options.now);
  const timed = knownEvents(events, asOf);
  const byItem = new Map<string, TimedEvent<WorkItemEvent>[]>();
  for (const entry of timed) {
    const { event } = entry;
    if (!isWorkItemEvent(event)) continue;
    const list = byItem.get(event.itemId) ?? [];
    list.push(entry as TimedEvent<WorkItemEvent>);
    byItem.set(event.itemId, list);
  }
  const items = [...byItem.keys()]
    .sort()
    .map((itemId) => foldItem(byItem.get(itemId) ?? []))
    .filter((item): item is ItemTimeline => item !== null);
  return { items, sprints: foldSprints(timed), boards: catalogBoards(timed, items), evaluatedAt: asOf ?? now };
}
