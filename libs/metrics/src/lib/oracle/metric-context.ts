import { assertDateOrder, assertTimeZone, endOfLocalDay, localDateRange, startOfLocalDay } from '../time/local-day.util';
import type { WorkflowMap } from '../workflow/workflow-map.schema';
import type { Timelines } from './build-timelines';
import { evaluateItem, type EvaluatedItem } from './evaluated-item';
import type { ItemTimeline } from './item-timeline';
import type { MetricQuery } from './metric-query';

/** Everything one metric needs: the window as instants and the items passing the filters. */
export interface MetricContext {
  readonly query: MetricQuery;
  readonly zone: string;
  /** Every local date of the window. */
  readonly dates: readonly string[];
  /** Start of `from` and exclusive end of `to`. */
  readonly fromMs: number;
  readonly toEndMs: number;
  readonly evaluatedAt: number | null;
  /** Non-deleted items passing the filters, removed ones included (for the CFD). */
  readonly items: readonly EvaluatedItem[];
  readonly maps: ReadonlyMap<string, WorkflowMap>;
}

export function metricContext(timelines: Timelines, query: MetricQuery): MetricContext {
  assertTimeZone(query.timezone);
  assertDateOrder(query.from, query.to);
  const maps = new Map<string, WorkflowMap>();
  for (const map of query.workflows ?? []) if (!maps.has(map.boardId)) maps.set(map.boardId, map);
  const items = timelines.items
    .filter((item) => !item.deleted && passesFilters(item, query))
    .map((item) => evaluateItem(item, maps));
  return {
    query,
    zone: query.timezone,
    dates: localDateRange(query.from, query.to),
    fromMs: startOfLocalDay(query.from, query.timezone),
    toEndMs: endOfLocalDay(query.to, query.timezone),
    evaluatedAt: timelines.evaluatedAt,
    items,
    maps,
  };
}

const lower = (value: string) => value.trim().toLowerCase();

function matchesAny(value: string | null | undefined, wanted: readonly string[] | undefined, fold: boolean): boolean {
  if (!wanted || wanted.length === 0) return true;
  if (value === null || value === undefined) return false;
  return fold ? wanted.some((entry) => lower(entry) === lower(value)) : wanted.includes(value);
}

export function passesFilters(item: ItemTimeline, query: MetricQuery): boolean {
  return (
    matchesAny(item.boardId, query.boardIds, false) &&
    matchesAny(item.fields.type, query.types, true) &&
    matchesAny(item.fields.team, query.teams, true)
  );
}

/** Items whose doneAt falls within the window, ordered by doneAt then itemKey. */
export function doneInWindow(context: MetricContext): EvaluatedItem[] {
  return context.items
    .filter((item) => item.doneAt !== null && item.doneAt >= context.fromMs && item.doneAt < context.toEndMs)
    .sort((a, b) => (a.doneAt as number) - (b.doneAt as number) || compareKeys(a, b));
}

export function compareKeys(a: EvaluatedItem, b: EvaluatedItem): number {
  const [x, y] = [a.timeline.itemKey, b.timeline.itemKey];
  return x < y ? -1 : x > y ? 1 : 0;
}
