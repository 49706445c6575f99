import { endOfLocalDay, type EvaluatedItem, localDateOf, metricContext, type MetricQuery, type Timelines } from '@flowlens/metrics';
import { activeTimeInWindow } from '../allocation';

/** The item counts behind the capacity figures, computed plainly from the timelines (the SQL's reference). */
export interface FlowCountsReference {
  readonly dates: string[];
  readonly arrivals: number[];
  readonly created: number[];
  readonly throughput: number[];
  readonly backlog: number;
  /** The same summing the items' current estimates; null when no item has one. */
  readonly estimate: { items: number; arrivals: number[]; created: number[]; throughput: number[]; backlog: number } | null;
}

/** Per day of the window: items started, created (removed ones excepted) and done; the backlog at the end of `to`. */
export function computeFlowCounts(timelines: Timelines, query: MetricQuery): FlowCountsReference {
  const context = metricContext(timelines, query);
  const dates = [...context.dates];
  const perDay = (instant: (item: EvaluatedItem) => number | null, weight: (item: EvaluatedItem) => number) => {
    const counts = dates.map(() => 0);
    for (const item of context.items) {
      const at = instant(item);
      if (at === null || at < context.fromMs || at >= context.toEndMs) continue;
      counts[dates.indexOf(localDateOf(at, context.zone))] += weight(item);
    }
    return counts;
  };
  const inBacklog = context.items.filter((item) => {
    const before = item.segments.filter((s) => s.at < context.toEndMs).at(-1);
    return item.createdAt < context.toEndMs && before?.stage.category === 'backlog';
  });
  const created = (item: EvaluatedItem) => (item.current.stage.category === 'removed' ? null : item.createdAt);
  const figures = (weight: (item: EvaluatedItem) => number) => ({
    arrivals: perDay((item) => item.startedAt, weight),
    created: perDay(created, weight),
    throughput: perDay((item) => item.doneAt, weight),
    backlog: inBacklog.reduce((sum, item) => sum + weight(item), 0),
  });
  // An item seen without its creation has no estimate field at all (undefined): no estimate.
  const points = (item: EvaluatedItem) => item.timeline.fields.estimate ?? 0;
  const estimated = context.items.filter((item) => (item.timeline.fields.estimate ?? null) !== null && item.current.stage.category !== 'removed').length;
  return { dates, ...figures(() => 1), estimate: estimated === 0 ? null : { items: estimated, ...figures(points) } };
}

/** Active time (ms) inside [start of `from`, min(end of `to`, asOf)) per current board and issue type. */
export function computeActiveTime(timelines: Timelines, query: MetricQuery, asOf: number): Array<{ boardId: string; type: string; ms: number }> {
  const context = metricContext(timelines, query);
  const until = Math.min(asOf, endOfLocalDay(query.to, query.timezone));
  const totals = new Map<string, { boardId: string; type: string; ms: number }>();
  for (const item of context.items) {
    const segments = item.segments.map((s) => ({ at: s.at, category: s.stage.category, blocked: s.blocked }));
    const ms = activeTimeInWindow(segments, context.fromMs, until);
    if (ms <= 0) continue;
    const type = item.timeline.fields.type ?? '';
    const key = `${item.timeline.boardId}\u001f${type}`;
    const entry = totals.get(key) ?? { boardId: item.timeline.boardId, type, ms: 0 };
    entry.ms += ms;
    totals.set(key, entry);
  }
  return [...totals.values()].sort((a, b) => (a.boardId < b.boardId ? -1 : a.boardId > b.boardId ? 1 : a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
}
