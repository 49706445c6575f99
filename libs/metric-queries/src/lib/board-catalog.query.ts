import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { ClickHouseStore, TABLES } from '@flowlens/clickhouse';
import type { EventSource, StatusRef } from '@flowlens/contracts';
import { EvaluatedItemsSource } from './evaluated-items.source';
import type { MetricQueryContext } from './query-context';
import { baseParams } from './query-params';

export interface BoardCatalog {
  readonly boardId: string;
  readonly source: EventSource;
  readonly statuses: StatusRef[];
}

interface SeenRow {
  board: string;
  status: string;
  /** (at, item id, n) of the status's first appearance on the board. */
  first_seen: [number, string, number];
}

const CATEGORIES = new Set(['todo', 'in_progress', 'done']);

export function statusRefOf(value: string): { status: StatusRef; source: EventSource } {
  const [id = '', name = '', category = '', source = 'generic'] = value.split('\u001f');
  return { status: { id: id || null, name, category: CATEGORIES.has(category) ? (category as StatusRef['category']) : null }, source: source as EventSource };
}

/**
 * What is known of each board's statuses as of `asOf`: its latest BoardUpserted list first, then
 * the statuses seen on items in the order they first appeared (the oracle's board catalogue).
 */
@Injectable()
export class BoardCatalogQuery {
  /** Present-time catalogues by workspace and data version (they change only with new data). */
  private readonly cache = new LRUCache<string, BoardCatalog[]>({ max: 64 });

  constructor(
    private readonly store: ClickHouseStore,
    private readonly items: EvaluatedItemsSource,
  ) {}

  async run(ctx: MetricQueryContext): Promise<BoardCatalog[]> {
    if (ctx.pointInTime) return this.compute(ctx);
    const key = `${ctx.workspaceId}\u0000${await this.store.dataVersion([TABLES.itemSnapshots, TABLES.workItemEvents])}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const catalogs = await this.compute(ctx);
    this.cache.set(key, catalogs);
    return catalogs;
  }

  private async compute(ctx: MetricQueryContext): Promise<BoardCatalog[]> {
    const params = baseParams(ctx);
    const declared = await this.store.query<{ board_id: string; source: string; payload: string }>(
      `SELECT board_id, argMax(source, k) AS source, argMax(payload, k) AS payload FROM (
         SELECT event_id, any(board_id) AS board_id, any(source) AS source, any(payload) AS payload,
                (any(occurred_at), any(sequence), event_id) AS k, min(received_at) AS received
         FROM ${this.store.table(TABLES.workItemEvents)}
         WHERE workspace_id = {ws:String} AND type = 'BoardUpserted' AND occurred_at <= fromUnixTimestamp64Milli({asOf:Int64})
         GROUP BY event_id)
       WHERE received <= fromUnixTimestamp64Milli({knownAt:Int64})
       GROUP BY board_id`,
      params,
    );
    const seen = await this.items.snapshots<SeenRow>(
      ctx,
      // First per (board, status value), then per (board, status id, name): the inner group is the big one.
      `SELECT board, argMin(value, first) AS status, min(first) AS first_seen FROM (
         SELECT t.1 AS board, t.2 AS value, min((t.3, item_id, t.4)) AS first
         FROM (SELECT item_id, arrayJoin(arrayZip(cat_board, cat_status, cat_at, cat_n)) AS t FROM snapshots)
         GROUP BY board, value)
       GROUP BY board, splitByChar('\\x1f', value)[1], splitByChar('\\x1f', value)[2]`,
      { filtered: false },
    );
    const boards = new Map<string, { source: EventSource; statuses: Map<string, StatusRef> }>();
    const add = (boardId: string, source: EventSource, statuses: readonly StatusRef[]) => {
      const board = boards.get(boardId) ?? { source, statuses: new Map<string, StatusRef>() };
      for (const status of statuses) {
        const key = `${status.id ?? ''}\u001f${status.name}`;
        if (!board.statuses.has(key)) board.statuses.set(key, status);
      }
      boards.set(boardId, board);
    };
    for (const row of [...declared].sort((a, b) => (a.board_id < b.board_id ? -1 : 1))) {
      add(row.board_id, row.source as EventSource, (JSON.parse(row.payload) as { statuses: StatusRef[] }).statuses);
    }
    seen.sort(({ first_seen: [atA, itemA, nA] }, { first_seen: [atB, itemB, nB] }) => Number(atA) - Number(atB) || (itemA < itemB ? -1 : itemA > itemB ? 1 : 0) || Number(nA) - Number(nB));
    for (const row of seen) {
      const { status, source } = statusRefOf(row.status);
      add(row.board, source, [status]);
    }
    return [...boards].map(([boardId, b]) => ({ boardId, source: b.source, statuses: [...b.statuses.values()] }));
  }
}
