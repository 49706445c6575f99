import { forecastWhenAcross } from '../forecast/forecast-when-across';
import { ForecastImpossibleError } from '../forecast/forecast-impossible.error';
import { addLocalDays, localDateOf, startOfLocalDay } from '../time/local-day.util';
import { cmp } from './item-signals';
import { isWorkItem, type RiskInput, type RiskItem } from './risk-item';

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

/** Releases not released and not archived, whose scope touches the boards in scope. */
export function computeReleaseForecasts(input: RiskInput, options: DeliveryOptions): ReleaseForecast[] {
  const history = throughputHistories(input, options.window);
  const work = input.items.filter(isWorkItem);
  const out: ReleaseForecast[] = [];
  for (const release of [...input.releases].sort((a, b) => cmp(a.releaseId, b.releaseId))) {
    if (release.released || release.archived) continue;
    const matches = (item: RiskItem) =>
      item.versions.includes(release.releaseId) || (item.versions.includes(release.name) && (release.boardId === null || release.boardId === item.boardId));
    const scope = work.filter(matches);
    const versionKey = (item: RiskItem) => (item.versions.includes(release.releaseId) ? release.releaseId : release.name);
    const forecast = forecastOf(input, { scope, joinedAt: (item) => item.versionSetAt[versionKey(item)] ?? null, target: release.releaseDate }, history, options);
    if (!touches(forecast, release.boardId, options.boardIds)) continue;
    out.push({ releaseId: release.releaseId, name: release.name, releaseDate: release.releaseDate, ...forecast });
  }
  return out;
}

/** Epics not done (nor removed) whose own board or children's boards are in scope. */
export function computeEpicForecasts(input: RiskInput, options: DeliveryOptions): EpicForecast[] {
  const history = throughputHistories(input, options.window);
  const work = input.items.filter(isWorkItem);
  const out: EpicForecast[] = [];
  const epics = input.items.filter((item) => item.isEpic && item.category !== 'done' && item.category !== 'removed');
  for (const epic of epics.sort((a, b) => cmp(a.itemKey, b.itemKey))) {
    const scope = work.filter((item) => item.parentId === epic.itemId || item.parentId === epic.itemKey);
    const forecast = forecastOf(input, { scope, joinedAt: (item) => item.parentSetAt, target: epic.dueDate }, history, options);
    if (!touches(forecast, epic.boardId, options.boardIds)) continue;
    out.push({ epicKey: epic.itemKey, dueDate: epic.dueDate, ...forecast });
  }
  return out;
}

function touches(forecast: DeliveryForecast, ownBoard: string | null, boardIds: readonly string[]): boolean {
  if (boardIds.length === 0) return true;
  return forecast.boardIds.some((board) => boardIds.includes(board)) || (ownBoard !== null && boardIds.includes(ownBoard));
}

function forecastOf(input: RiskInput, subject: Subject, history: (board: string) => number[], options: DeliveryOptions): DeliveryForecast {
  const asOfDate = localDateOf(input.t, input.timezone);
  const { scope } = subject;
  const remaining = scope.filter((item) => item.category !== 'done');
  const boardIds = [...new Set(scope.map((item) => item.boardId))].sort(cmp);
  const firstStart = Math.min(...scope.map((item) => item.startedAt ?? Infinity));
  const scopeAdded = scope.filter((item) => {
    const joined = subject.joinedAt(item);
    return joined !== null && joined > firstStart;
  }).length;
  const base = { boardIds, scope: scope.length, remaining: remaining.length, scopeAdded };
  if (remaining.length === 0) {
    const lastDone = Math.max(...scope.map((item) => item.doneAt ?? -Infinity));
    const date = Number.isFinite(lastDone) ? localDateOf(lastDone, input.timezone) : null;
    return { ...base, p50: date, p85: date, p95: date, pOnTime: 1, atRisk: false };
  }
  const counts = new Map<string, number>();
  for (const item of remaining) counts.set(item.boardId, (counts.get(item.boardId) ?? 0) + 1);
  const deadlineDays = subject.target === null ? null : daysBetween(asOfDate, subject.target);
  try {
    const result = forecastWhenAcross({
      boards: [...counts].sort(([a], [b]) => cmp(a, b)).map(([board, items]) => ({ history: history(board), items })),
      trials: options.trials,
      seed: options.seed,
      deadlineDays,
    });
    const pOnTime = result.pOnTime;
    return {
      ...base,
      p50: addLocalDays(asOfDate, result.p50),
      p85: addLocalDays(asOfDate, result.p85),
      p95: addLocalDays(asOfDate, result.p95),
      pOnTime,
      atRisk: pOnTime !== null && pOnTime < options.threshold,
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
