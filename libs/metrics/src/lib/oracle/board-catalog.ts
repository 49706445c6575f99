import type { EventSource, StatusRef } from '@flowlens/contracts';
import type { TimedEvent } from './event-stream';
import type { ItemTimeline } from './item-timeline';

/** What is known of a board's statuses: the source's own list first, then statuses seen on items. */
export interface BoardCatalog {
  readonly boardId: string;
  readonly source: EventSource;
  readonly statuses: readonly StatusRef[];
}

export function catalogBoards(timed: readonly TimedEvent[], items: readonly ItemTimeline[]): BoardCatalog[] {
  const boards = new Map<string, { source: EventSource; statuses: Map<string, StatusRef> }>();
  const add = (boardId: string, source: EventSource, statuses: readonly StatusRef[]) => {
    const board = boards.get(boardId) ?? { source, statuses: new Map<string, StatusRef>() };
    for (const status of statuses) {
      const key = `${status.id ?? ''}\u001f${status.name}`;
      if (!board.statuses.has(key)) board.statuses.set(key, status);
    }
    boards.set(boardId, board);
  };
  const declared = new Map<string, { source: EventSource; statuses: readonly StatusRef[] }>();
  for (const { event } of timed) {
    if (event.type === 'BoardUpserted' && event.boardId !== null) {
      declared.set(event.boardId, { source: event.source, statuses: event.payload.statuses });
    }
  }
  for (const [boardId, { source, statuses }] of [...declared].sort(([a], [b]) => (a < b ? -1 : 1))) {
    add(boardId, source, statuses);
  }
  const seen = items.flatMap((item) =>
    item.snapshots.map((snapshot) => ({ ...snapshot, source: item.source })),
  );
  seen.sort((a, b) => a.at - b.at);
  for (const snapshot of seen) {
    if (snapshot.status) add(snapshot.boardId, snapshot.source, [snapshot.status]);
  }
  return [...boards].map(([boardId, { source, statuses }]) => ({ boardId, source, statuses: [...statuses.values()] }));
}
