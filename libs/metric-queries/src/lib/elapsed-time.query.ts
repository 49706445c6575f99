import { Injectable } from '@nestjs/common';
import { durationDays, summarise, type Summary } from '@flowlens/metrics';
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

export type ElapsedTimeResult = Summary & { readonly items: ElapsedItem[] };

export interface DoneItemRow {
  item_key: string;
  created_at: number;
  started_at: number;
  done_at: number;
}

const iso = (ms: number) => new Date(Number(ms)).toISOString();

/** Cycle time (doneAt - startedAt) and lead time (doneAt - createdAt) of items done in [from, to]. */
@Injectable()
export class ElapsedTimeQuery {
  constructor(private readonly items: EvaluatedItemsSource) {}

  doneInWindow(ctx: MetricQueryContext): Promise<DoneItemRow[]> {
    return this.items.query<DoneItemRow>(
      ctx,
      `SELECT item_key, created_at, started_at, done_at FROM items WHERE ${DONE_IN_WINDOW} ORDER BY done_at, item_key`,
    );
  }

  async run(ctx: MetricQueryContext, kind: 'cycle' | 'lead'): Promise<ElapsedTimeResult> {
    return elapsedOf(await this.doneInWindow(ctx), kind);
  }
}

export function elapsedOf(rows: readonly DoneItemRow[], kind: 'cycle' | 'lead'): ElapsedTimeResult {
  const items = rows.map((r) => ({
    itemKey: r.item_key,
    createdAt: iso(r.created_at),
    startedAt: iso(r.started_at),
    doneAt: iso(r.done_at),
    days: durationDays(Number(kind === 'cycle' ? r.started_at : r.created_at), Number(r.done_at)),
  }));
  return { ...summarise(items.map((i) => i.days)), items };
}
