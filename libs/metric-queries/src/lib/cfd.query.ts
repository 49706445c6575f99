import { Injectable } from '@nestjs/common';
import { defaultWorkflowMap, REMOVED_STAGE, type StageCategory } from '@flowlens/metrics';
import { BoardCatalogQuery } from './board-catalog.query';
import { EvaluatedItemsSource } from './evaluated-items.source';
import type { MetricQueryContext } from './query-context';
import { categoryOf, StageOccupancyQuery, stageOf } from './stage-occupancy.query';

export interface CfdResult {
  readonly stages: string[];
  readonly categories: Record<string, StageCategory>;
  readonly series: Array<{ date: string; counts: Record<string, number> }>;
}

const RANK: Readonly<Record<StageCategory, number>> = { backlog: 0, active: 1, wait: 1, done: 2, removed: 3 };

/** Items per stage at the end of each day, bands ordered as the oracle's cfdStages orders them. */
@Injectable()
export class CfdQuery {
  constructor(
    private readonly occupancy: StageOccupancyQuery,
    private readonly catalogs: BoardCatalogQuery,
    private readonly items: EvaluatedItemsSource,
  ) {}

  async run(ctx: MetricQueryContext): Promise<CfdResult> {
    const [days, catalogs, boardRows] = await Promise.all([
      this.occupancy.run(ctx),
      this.catalogs.run(ctx),
      this.items.snapshots<{ boards: string[] }>(ctx, `SELECT groupUniqArrayArray(snap_board) AS boards FROM snapshots`, { filtered: true }),
    ]);
    const occupied: Array<{ name: string; category: StageCategory }> = [];
    const seen = new Set<string>();
    for (const day of days) {
      for (const key of day.counts.keys()) {
        if (seen.has(stageOf(key))) continue;
        seen.add(stageOf(key));
        occupied.push({ name: stageOf(key), category: categoryOf(key) as StageCategory });
      }
    }
    // Every board the items were ever on ('' before an item's first board).
    const boardIds = new Set<string>([...ctx.boardIds, ...(boardRows[0]?.boards ?? []).filter((b) => b !== '')]);
    const candidates: Array<{ name: string; category: StageCategory }> = [];
    for (const boardId of [...boardIds].sort()) {
      const saved = ctx.stages.orderedStages[boardId];
      const catalog = catalogs.find((c) => c.boardId === boardId);
      const stages = saved ?? (catalog ? defaultWorkflowMap(boardId, catalog.source, catalog.statuses).stages : []);
      candidates.push(...stages.map((s) => ({ name: s.name, category: s.category as StageCategory })));
    }
    candidates.push(...occupied, { name: REMOVED_STAGE.name, category: REMOVED_STAGE.category });
    const bands = new Map<string, StageCategory>();
    for (const { name, category } of candidates) if (!bands.has(name)) bands.set(name, category);
    const ordered = [...bands].sort((a, b) => RANK[a[1]] - RANK[b[1]]);
    const stages = ordered.map(([name]) => name);
    return {
      stages,
      categories: Object.fromEntries(ordered),
      series: days.map((day) => {
        const counts = Object.fromEntries(stages.map((s) => [s, 0]));
        for (const [key, n] of day.counts) counts[stageOf(key)] = (counts[stageOf(key)] ?? 0) + n;
        return { date: day.date, counts };
      }),
    };
  }
}
