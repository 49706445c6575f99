import { endOfLocalDay } from '../time/local-day.util';
import { defaultWorkflowMap } from '../workflow/default-workflow-map';
import { REMOVED_STAGE, type StageCategory } from '../workflow/workflow-map.schema';
import type { Timelines } from './build-timelines';
import { segmentBefore } from './evaluated-item';
import { metricContext, type MetricContext } from './metric-context';
import type { MetricQuery } from './metric-query';

export interface CfdResult {
  /** Bands in drawing order (see {@link cfdStages}); `Removed` is always present. */
  readonly stages: readonly string[];
  readonly categories: Readonly<Record<string, StageCategory>>;
  readonly series: ReadonlyArray<{ readonly date: string; readonly counts: Readonly<Record<string, number>> }>;
}

/** Per local day and stage: items in the stage at the end of the day (zero bands included). */
export function computeCfd(timelines: Timelines, query: MetricQuery): CfdResult {
  const context = metricContext(timelines, query);
  const occupied: Array<{ name: string; category: StageCategory }> = [];
  const days = context.dates.map((date) => {
    const counts: Record<string, number> = {};
    const end = endOfLocalDay(date, context.zone);
    for (const item of context.items) {
      const stage = segmentBefore(item, end)?.stage;
      if (!stage) continue;
      if (counts[stage.name] === undefined) occupied.push(stage);
      counts[stage.name] = (counts[stage.name] ?? 0) + 1;
    }
    return { date, counts };
  });
  const bands = cfdStages(context, timelines, occupied);
  const stages = bands.map((band) => band.name);
  return {
    stages,
    categories: Object.fromEntries(bands.map((band) => [band.name, band.category])),
    series: days.map(({ date, counts }) => ({ date, counts: Object.fromEntries(stages.map((name) => [name, counts[name] ?? 0])) })),
  };
}

const RANK: Readonly<Record<StageCategory, number>> = { backlog: 0, active: 1, wait: 1, done: 2, removed: 3 };

/**
 * The union of the stages of every board the items were on (and every filtered board), boards
 * in ascending id and each in its map order (saved, else default), then any other occupied
 * stage and `Removed`; stages with equal names are one band (first category wins). Finally a
 * stable sort by category rank (backlog; active and wait together; done; removed) interleaves
 * several boards sensibly while keeping each map's order within a rank.
 */
export function cfdStages(
  context: MetricContext,
  timelines: Timelines,
  occupied: ReadonlyArray<{ name: string; category: StageCategory }>,
): Array<{ name: string; category: StageCategory }> {
  const boardIds = new Set<string>(context.query.boardIds ?? []);
  for (const item of context.items) for (const snapshot of item.timeline.snapshots) boardIds.add(snapshot.boardId);
  const candidates: Array<{ name: string; category: StageCategory }> = [];
  for (const boardId of [...boardIds].sort()) {
    const catalog = timelines.boards.find((board) => board.boardId === boardId);
    const map = context.maps.get(boardId) ?? (catalog && defaultWorkflowMap(boardId, catalog.source, catalog.statuses));
    candidates.push(...(map?.stages ?? []));
  }
  candidates.push(...occupied, REMOVED_STAGE);
  const bands = new Map<string, { name: string; category: StageCategory }>();
  for (const { name, category } of candidates) if (!bands.has(name)) bands.set(name, { name, category });
  return [...bands.values()].sort((a, b) => RANK[a.category] - RANK[b.category]);
}
