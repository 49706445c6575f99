import { Injectable } from '@nestjs/common';
import { summarise, type Summary } from '@flowlens/metrics';
import { EvaluatedItemsSource } from './evaluated-items.source';
import type { MetricQueryContext } from './query-context';
import { DONE_IN_WINDOW } from './query-params';

export interface ElapsedItem {
  readonly itemKey: string;
  readonly createdAt: string;
  readonly startedAt: string;
  readonly doneAt: string;
  readonly days: number;
}

export type ElapsedKind = 'cycle' | 'lead';
export type ElapsedTimeResult = Summary & { readonly items: ElapsedItem[]; readonly itemsTotal: number };

interface ItemRow {
  item_key: string;
  created_at: number;
  started_at: number;
  done_at: number;
}

const iso = (ms: number) => new Date(Number(ms)).toISOString();
const startOf = (kind: ElapsedKind) => (kind === 'cycle' ? 'started_at' : 'created_at');

/**
 * Cycle time (doneAt - startedAt) and lead time (doneAt - createdAt) of items done in [from, to].
 * The durations come back as one array in (doneAt, itemKey) order — the order the reference sums
 * them in, so means agree to the last bit — and only the latest `limit` items are listed.
 */
@Injectable()
export class ElapsedTimeQuery {
  constructor(private readonly items: EvaluatedItemsSource) {}

  async summary(ctx: MetricQueryContext, kind: ElapsedKind): Promise<Summary> {
    const [row] = await this.items.query<{ days: number[] }>(
      ctx,
      `SELECT arrayMap(x -> x.3, arraySort(x -> (x.1, x.2), groupArray((done_at, item_key, (assumeNotNull(done_at) - assumeNotNull(${startOf(kind)})) / 86400000)))) AS days
       FROM items WHERE ${DONE_IN_WINDOW}`,
    );
    return summarise((row?.days ?? []).map(Number));
  }

  async run(ctx: MetricQueryContext, kind: ElapsedKind, limit = Number.MAX_SAFE_INTEGER): Promise<ElapsedTimeResult> {
    const [summary, rows] = await Promise.all([
      this.summary(ctx, kind),
      this.items.query<ItemRow>(
        ctx,
        `SELECT item_key, created_at, started_at, done_at FROM items WHERE ${DONE_IN_WINDOW}
         ORDER BY done_at DESC, item_key DESC LIMIT {limit:UInt64}`,
        { limit: Math.min(limit, Number.MAX_SAFE_INTEGER) },
      ),
    ]);
    const items = rows.reverse().map((r) => ({
      itemKey: r.item_key,
      createdAt: iso(r.created_at),
      startedAt: iso(r.started_at),
      doneAt: iso(r.done_at),
      days: (Number(r.done_at) - Number(kind === 'cycle' ? r.started_at : r.created_at)) / 86_400_000,
    }));
    return { ...summary, items, itemsTotal: summary.count };
  }
}
