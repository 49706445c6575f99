import { Injectable } from '@nestjs/common';
import { datesBetween } from './date-buckets';
import { EvaluatedItemsSource } from './evaluated-items.source';
import type { MetricQueryContext } from './query-context';
import { localDate } from './sql-fragments';

export interface StageDay {
  readonly date: string;
  /** Items per `stage US category` at the end of the day. */
  readonly counts: ReadonlyMap<string, number>;
}

/**
 * Items per stage at the end of every local day of [from, to]. A segment [s, e) is in force at
 * the end of day d when s < end(d) <= e, i.e. from the local day of s up to the day before the
 * local day of e: +1 on the first, -1 on the second, then a running sum over the days (days
 * before `from` are folded into `from`).
 */
@Injectable()
export class StageOccupancyQuery {
  constructor(private readonly items: EvaluatedItemsSource) {}

  async run(ctx: MetricQueryContext): Promise<StageDay[]> {
    const rows = await this.items.query<{ stage: string; category: string; day: string; delta: number }>(
      ctx,
      `SELECT t.1 AS stage, t.2 AS category, toString(greatest(t.3, toDate({from:String}))) AS day, toInt32(sum(t.4)) AS delta
       FROM (
         SELECT arrayJoin(arrayConcat(
           arrayMap(i -> (seg_stage[i], seg_cat[i], ${localDate('seg_at[i]')}, 1), kept),
           arrayMap(i -> (seg_stage[i], seg_cat[i], ${localDate('seg_at[i + 1]')}, -1), arrayFilter(i -> i < seg_n, kept))
         )) AS t
         FROM (
           -- A segment over before the window adds and removes on the same (folded) day: skip it;
           -- one starting after the window adds only past \`to\`: skip it too.
           SELECT seg_stage, seg_cat, seg_at, seg_n,
                  arrayFilter(i -> seg_at[i] < {toEndMs:Int64} AND (i = seg_n OR seg_at[i + 1] >= {fromMs:Int64}), arrayEnumerate(seg_at)) AS kept
           FROM items
         )
       )
       WHERE t.3 <= toDate({to:String})
       GROUP BY stage, category, day`,
    );
    const deltas = new Map<string, Map<string, number>>();
    for (const row of rows) {
      const key = `${row.stage}\u001f${row.category}`;
      const perDay = deltas.get(row.day) ?? new Map<string, number>();
      perDay.set(key, (perDay.get(key) ?? 0) + Number(row.delta));
      deltas.set(row.day, perDay);
    }
    const running = new Map<string, number>();
    return datesBetween(ctx.from, ctx.to).map((date) => {
      for (const [key, delta] of deltas.get(date) ?? []) running.set(key, (running.get(key) ?? 0) + delta);
      return { date, counts: new Map([...running].filter(([, n]) => n !== 0)) };
    });
  }
}

export const categoryOf = (stageKey: string) => stageKey.split('\u001f')[1] as string;
export const stageOf = (stageKey: string) => stageKey.split('\u001f')[0] as string;

/** WIP of a day: items in an active or wait stage. */
export function wipOf(day: StageDay): number {
  let wip = 0;
  for (const [key, n] of day.counts) if (categoryOf(key) === 'active' || categoryOf(key) === 'wait') wip += n;
  return wip;
}
