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

const iso = (ms: number) => new Date(Number(ms)).toISOString();

/**
 * Cycle time (doneAt - startedAt) and lead time (doneAt - createdAt) of items done in [from, to].
 * The durations come back as one array in (doneAt, itemKey) order — the order the reference sums
 * them in, so means agree to the last bit — and only the latest `limit` items are listed.
 */
@Injectable()
export class ElapsedTimeQuery {
  constructor(private readonly items: EvaluatedItemsSource) {}

  async summary(ctx: MetricQueryContext, kind: ElapsedKind): Promise<Summary> {
    return (await this.scan(ctx, kind, 0)).summary;
  }

  async run(ctx: MetricQueryContext, kind: ElapsedKind, limit = Number.MAX_SAFE_INTEGER): Promise<ElapsedTimeResult> {
    const { summary, items } = await this.scan(ctx, kind, limit);
    return { ...summary, items, itemsTotal: summary.count };
  }

  /** One scan: every duration for the summary, and the latest `limit` items for the list. */
  private async scan(ctx: MetricQueryContext, kind: ElapsedKind, limit: number): Promise<{ summary: Summary; items: ElapsedItem[] }> {
    const [row] = await this.items.query<{ days: number[]; latest: Array<[number, string, number, number]> }>(
      ctx,
      `WITH arraySort(x -> (x.1, x.2), groupArray((assumeNotNull(done_at), item_key, created_at, assumeNotNull(started_at)))) AS done
       SELECT arrayMap(x -> (x.1 - ${kind === 'cycle' ? 'x.4' : 'x.3'}) / 86400000, done) AS days,
              arraySlice(done, greatest(1, toInt64(length(done)) - {limit:Int64} + 1)) AS latest
       FROM items WHERE ${DONE_IN_WINDOW}`,
      { limit: Math.min(limit, Number.MAX_SAFE_INTEGER) },
    );
    const days = (row?.days ?? []).map(Number);
    const latest = row?.latest ?? [];
    // The listed items are the tail of `days`, in the same order.
    const offset = days.length - latest.length;
    const items = latest.map(([doneAt, itemKey, createdAt, startedAt], i) => ({
      itemKey,
      createdAt: iso(createdAt),
      startedAt: iso(startedAt),
      doneAt: iso(doneAt),
      days: days[offset + i] as number,
    }));
    const summary = summarise(days);
    return { summary, items };
  }
}
