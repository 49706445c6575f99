import { Injectable } from '@nestjs/common';
import { durationDays, MS_PER_DAY, summarise, type Summary } from '@flowlens/metrics';
import { EvaluatedItemsSource } from './evaluated-items.source';
import type { MetricQueryContext } from './query-context';
import { DONE_IN_WINDOW } from './query-params';
import { boardGrouping, perBoard } from './sql-fragments';

export interface ElapsedItem {
  readonly itemKey: string;
  readonly createdAt: string;
  readonly startedAt: string;
  readonly doneAt: string;
  readonly days: number;
}

export type ElapsedKind = 'cycle' | 'lead';
export type ElapsedTimeResult = Summary & { readonly items: ElapsedItem[]; readonly itemsTotal: number };

const iso = (ms: number) => new Date(Number(ms)).toISOString();

/**
 * Cycle time (doneAt - startedAt) and lead time (doneAt - createdAt) of items done in [from, to].
 * One scan returns every duration (in ms, sorted) and the latest `limit` items by
 * (doneAt, itemKey), found by a partial sort so that a large window does not sort every item.
 */
@Injectable()
export class ElapsedTimeQuery {
  constructor(private readonly items: EvaluatedItemsSource) {}

  async run(ctx: MetricQueryContext, kind: ElapsedKind, limit = Number.MAX_SAFE_INTEGER): Promise<ElapsedTimeResult> {
    const { summary, items } = await this.scan(ctx, kind, limit);
    return { ...summary, items, itemsTotal: summary.count };
  }

  /** The summary alone (no items) for each board of the context, from one scan. */
  async summaryByBoard(ctx: MetricQueryContext, kind: ElapsedKind): Promise<Map<string, Summary>> {
    const from = kind === 'cycle' ? 'started_at' : 'created_at';
    const board = boardGrouping(true);
    const rows = await this.items.query<{ board: string; ms: number[] }>(
      ctx,
      `SELECT ${board.select}, arraySort(groupArray(assumeNotNull(done_at) - assumeNotNull(${from}))) AS ms FROM items WHERE ${DONE_IN_WINDOW} ${board.groupBy}`,
    );
    return perBoard(ctx.boardIds, new Map(rows.map((r) => [r.board, summariseDurations(r.ms)])), () => summariseDurations([]));
  }

  private async scan(ctx: MetricQueryContext, kind: ElapsedKind, limit: number): Promise<{ summary: Summary; items: ElapsedItem[] }> {
    const from = kind === 'cycle' ? 'started_at' : 'created_at';
    const latest =
      limit > 0
        ? `arrayReverse(arraySlice(arrayPartialReverseSort({limit:UInt64}, groupArray((assumeNotNull(done_at), item_key, created_at, assumeNotNull(started_at)))), 1, {limit:UInt64}))`
        : '[]';
    const [row] = await this.items.query<{ ms: number[]; latest: Array<[number, string, number, number]> }>(
      ctx,
      `SELECT arraySort(groupArray(assumeNotNull(done_at) - assumeNotNull(${from}))) AS ms, ${latest} AS latest FROM items WHERE ${DONE_IN_WINDOW}`,
      { limit },
    );
    const summary = summariseDurations(row?.ms ?? []);
    const items = (row?.latest ?? []).map(([doneAt, itemKey, createdAt, startedAt]) => ({
      itemKey,
      createdAt: iso(createdAt),
      startedAt: iso(startedAt),
      doneAt: iso(doneAt),
      days: durationDays(Number(kind === 'cycle' ? startedAt : createdAt), Number(doneAt)),
    }));
    return { summary, items };
  }
}

/** The cycle times (ms, ascending) of the rows where `rows` holds, for {@link summariseDurations}. */
export const sortedCycleTimesSql = (rows: string) => `arraySort(groupArrayIf(assumeNotNull(done_at) - assumeNotNull(started_at), ${rows}))`;

/** The summary of durations given in ms (as the SQL returns them), in days. */
export function summariseDurations(ms: readonly number[]): Summary {
  return summarise(ms.map((d) => Number(d) / MS_PER_DAY));
}
