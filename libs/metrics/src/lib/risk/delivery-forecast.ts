import { forecastWhenAcross } from '../forecast/forecast-when-across';
import { ForecastImpossibleError } from '../forecast/forecast-impossible.error';
import { addLocalDays, localDateOf, startOfLocalDay } from '../time/local-day.util';
import { cmp } from './item-signals';
import { isWorkItem, memoOnInput, type RiskInput, type RiskItem } from './risk-item';

export interface DeliveryOptions {
  readonly boardIds: readonly string[];
  readonly threshold: number;
  readonly trials: number;
  readonly seed: number;
  /** Days of throughput history ending at asOf (default 90). */
  readonly window: number;
}

export interface DeliveryForecast {
  readonly boardIds: string[];
  readonly scope: number;
  readonly remaining: number;
  readonly p50: string | null;
  readonly p85: string | null;
  readonly p95: string | null;
  readonly pOnTime: number | null;
  readonly atRisk: boolean;
  readonly scopeAdded: number;
  /** Why there is no forecast, when a board holding remaining items has no throughput. */
  readonly reason?: string;
}

export interface ReleaseForecast extends DeliveryForecast {
  readonly releaseId: string;
  readonly name: string;
  readonly releaseDate: string | null;
}

export interface EpicForecast extends DeliveryForecast {
  readonly epicKey: string;
  readonly dueDate: string | null;
}

interface Subject {
  readonly scope: readonly RiskItem[];
  /** When each scope item joined (version or parent set). */
  readonly joinedAt: (item: RiskItem) => number | null;
  readonly target: string | null;
}

/**
 * A release's or epic's forecast before its Monte Carlo: what the scope says (boards, counts,
 * scope added) and, when items remain, the draw to run: each board's remaining count (boards
 * sorted, so a seed reproduces the forecast) and the days to the target.
 */
export interface PlannedDelivery {
  readonly base: Pick<DeliveryForecast, 'boardIds' | 'scope' | 'remaining' | 'scopeAdded'>;
  /** Set when nothing remains: the local date of the last done item (null when none has a done date). */
  readonly finished?: { readonly date: string | null };
  readonly remainingByBoard: ReadonlyArray<readonly [board: string, items: number]>;
  readonly deadlineDays: number | null;
}

/**
 * Every delivery forecast a request needs, ready for the Monte Carlo: built on the main thread in
 * one pass over the items (scopes come from indexes, and only the releases and epics touching the
 * requested boards are kept), so the worker receives counts and histories, not the risk input.
 */
export interface DeliveryPlan {
  readonly asOfDate: string;
  readonly threshold: number;
  readonly trials: number;
  readonly seed: number;
  /** Daily throughput over the window of each board some forecast draws from. */
  readonly histories: ReadonlyMap<string, readonly number[]>;
  readonly releases: ReadonlyArray<{ readonly releaseId: string; readonly name: string; readonly releaseDate: string | null; readonly plan: PlannedDelivery }>;
  readonly epics: ReadonlyArray<{ readonly epicKey: string; readonly dueDate: string | null; readonly plan: PlannedDelivery }>;
}

/** Releases not released and not archived, whose scope touches the boards in scope. */
export function computeReleaseForecasts(input: RiskInput, options: DeliveryOptions): ReleaseForecast[] {
  return forecastDeliveries(planDeliveries(input, options, { epics: false })).releases;
}

/** Epics not done (nor removed) whose own board or children's boards are in scope. */
export function computeEpicForecasts(input: RiskInput, options: DeliveryOptions): EpicForecast[] {
  return forecastDeliveries(planDeliveries(input, options, { releases: false })).epics;
}

/** The release and epic forecasts of the plan (each its own Monte Carlo, same seed), in the plan's order. */
export function forecastDeliveries(plan: DeliveryPlan): { releases: ReleaseForecast[]; epics: EpicForecast[] } {
  return {
    releases: plan.releases.map(({ plan: p, ...release }) => ({ ...release, ...forecastOf(plan, p) })),
    epics: plan.epics.map(({ plan: p, ...epic }) => ({ ...epic, ...forecastOf(plan, p) })),
  };
}

/** The plan of every release (sorted by id) and epic (sorted by key) that `options.boardIds` asks for. */
export function planDeliveries(input: RiskInput, options: DeliveryOptions, which: { releases?: boolean; epics?: boolean } = {}): DeliveryPlan {
  const every = everyDelivery(input, options.window);
  const boards = new Set(options.boardIds);
  const wanted = <T extends { readonly ownBoard: string | null; readonly plan: PlannedDelivery }>(list: readonly T[], asked: boolean | undefined) =>
    asked === false ? [] : list.filter((s) => touches(s.plan.base.boardIds, s.ownBoard, boards)).map(({ ownBoard: _own, ...subject }) => subject);
  const releases = wanted(every.releases, which.releases);
  const epics = wanted(every.epics, which.epics);
  const drawn = new Set([...releases, ...epics].flatMap((s) => s.plan.remainingByBoard.map(([board]) => board)));
  const histories = new Map([...drawn].sort(cmp).map((board) => [board, every.history(board)]));
  return { asOfDate: every.asOfDate, threshold: options.threshold, trials: options.trials, seed: options.seed, histories, releases, epics };
}

interface EveryDelivery {
  readonly asOfDate: string;
  readonly history: (board: string) => number[];
  readonly releases: ReadonlyArray<DeliveryPlan['releases'][number] & { readonly ownBoard: string | null }>;
  readonly epics: ReadonlyArray<DeliveryPlan['epics'][number] & { readonly ownBoard: string | null }>;
}

/**
 * Every open release and epic of the input planned, whatever its boards: once per input and
 * history window (an alert cycle asks for many scopes of one input), each request keeping those
 * touching its boards.
 */
function everyDelivery(input: RiskInput, window: number): EveryDelivery {
  return memoOnInput(input, `deliveries\u0000${window}`, () => {
    const asOfDate = localDateOf(input.t, input.timezone);
    const work = input.items.filter(isWorkItem);
    const order = new Map(work.map((item, i) => [item, i]));
    const byVersion = indexBy(work, (item) => item.versions);
    const byParent = indexBy(work, (item) => (item.parentId === null ? [] : [item.parentId]));
    const union = (...lists: Array<readonly RiskItem[] | undefined>) => {
      const found = new Set<RiskItem>();
      for (const list of lists) for (const item of list ?? []) found.add(item);
      return [...found].sort((a, b) => (order.get(a) as number) - (order.get(b) as number));
    };
    const plan = (subject: Subject) => planOf(asOfDate, input.timezone, subject);
    const releases: Array<EveryDelivery['releases'][number]> = [];
    for (const release of [...input.releases].sort((a, b) => cmp(a.releaseId, b.releaseId))) {
      if (release.released || release.archived) continue;
      const matches = (item: RiskItem) =>
        item.versions.includes(release.releaseId) || (item.versions.includes(release.name) && (release.boardId === null || release.boardId === item.boardId));
      const scope = union(byVersion.get(release.releaseId), byVersion.get(release.name)).filter(matches);
      const versionKey = (item: RiskItem) => (item.versions.includes(release.releaseId) ? release.releaseId : release.name);
      const planned = plan({ scope, joinedAt: (item) => item.versionSetAt[versionKey(item)] ?? null, target: release.releaseDate });
      releases.push({ releaseId: release.releaseId, name: release.name, releaseDate: release.releaseDate, plan: planned, ownBoard: release.boardId });
    }
    const epics: Array<EveryDelivery['epics'][number]> = [];
    const open = input.items.filter((item) => item.isEpic && item.category !== 'done' && item.category !== 'removed');
    for (const epic of open.sort((a, b) => cmp(a.itemKey, b.itemKey))) {
      const planned = plan({ scope: union(byParent.get(epic.itemId), byParent.get(epic.itemKey)), joinedAt: (item) => item.parentSetAt, target: epic.dueDate });
      epics.push({ epicKey: epic.itemKey, dueDate: epic.dueDate, plan: planned, ownBoard: epic.boardId });
    }
    return { asOfDate, history: throughputHistories(input, window), releases, epics };
  });
}

function indexBy(items: readonly RiskItem[], keys: (item: RiskItem) => readonly string[]): Map<string, RiskItem[]> {
  const index = new Map<string, RiskItem[]>();
  for (const item of items) {
    for (const key of keys(item)) {
      const list = index.get(key);
      if (list) list.push(item);
      else index.set(key, [item]);
    }
  }
  return index;
}

function touches(scopeBoards: readonly string[], ownBoard: string | null, boardIds: ReadonlySet<string>): boolean {
  if (boardIds.size === 0) return true;
  return scopeBoards.some((board) => boardIds.has(board)) || (ownBoard !== null && boardIds.has(ownBoard));
}

function planOf(asOfDate: string, timezone: string, subject: Subject): PlannedDelivery {
  const { scope } = subject;
  const remaining = scope.filter((item) => item.category !== 'done');
  const boardIds = [...new Set(scope.map((item) => item.boardId))].sort(cmp);
  const firstStart = Math.min(...scope.map((item) => item.startedAt ?? Infinity));
  const scopeAdded = scope.filter((item) => {
    const joined = subject.joinedAt(item);
    return joined !== null && joined > firstStart;
  }).length;
  const base = { boardIds, scope: scope.length, remaining: remaining.length, scopeAdded };
  const deadlineDays = subject.target === null ? null : daysBetween(asOfDate, subject.target);
  if (remaining.length === 0) {
    const lastDone = Math.max(...scope.map((item) => item.doneAt ?? -Infinity));
    return { base, finished: { date: Number.isFinite(lastDone) ? localDateOf(lastDone, timezone) : null }, remainingByBoard: [], deadlineDays };
  }
  const counts = new Map<string, number>();
  for (const item of remaining) counts.set(item.boardId, (counts.get(item.boardId) ?? 0) + 1);
  return { base, remainingByBoard: [...counts].sort(([a], [b]) => cmp(a, b)), deadlineDays };
}

function forecastOf(plan: DeliveryPlan, planned: PlannedDelivery): DeliveryForecast {
  const { base, deadlineDays } = planned;
  if (planned.finished) {
    const { date } = planned.finished;
    return { ...base, p50: date, p85: date, p95: date, pOnTime: 1, atRisk: false };
  }
  try {
    const result = forecastWhenAcross({
      boards: planned.remainingByBoard.map(([board, items]) => ({ history: plan.histories.get(board) as readonly number[], items })),
      trials: plan.trials,
      seed: plan.seed,
      deadlineDays,
    });
    const pOnTime = result.pOnTime;
    return {
      ...base,
      p50: addLocalDays(plan.asOfDate, result.p50),
      p85: addLocalDays(plan.asOfDate, result.p85),
      p95: addLocalDays(plan.asOfDate, result.p95),
      pOnTime,
      atRisk: pOnTime !== null && pOnTime < plan.threshold,
    };
  } catch (error) {
    if (!(error instanceof ForecastImpossibleError)) throw error;
    // No throughput to forecast from: nothing says it will be on time.
    return { ...base, p50: null, p85: null, p95: null, pOnTime: deadlineDays === null ? null : 0, atRisk: deadlineDays !== null, reason: error.message };
  }
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Each board's daily throughput over the `window` local days ending at asOf's date. */
export function throughputHistories(input: RiskInput, window: number): (board: string) => number[] {
  const asOfDate = localDateOf(input.t, input.timezone);
  const first = addLocalDays(asOfDate, -(window - 1));
  const start = startOfLocalDay(first, input.timezone);
  const byBoard = new Map<string, number[]>();
  for (const item of input.items) {
    if (!isWorkItem(item) || item.doneAt === null || item.doneAt < start || item.doneAt > input.t) continue;
    const index = daysBetween(first, localDateOf(item.doneAt, input.timezone));
    const days = byBoard.get(item.boardId) ?? new Array<number>(window).fill(0);
    days[index]++;
    byBoard.set(item.boardId, days);
  }
  return (board) => byBoard.get(board) ?? new Array<number>(window).fill(0);
}
