import fc from 'fast-check';
import { forecastWhenAcross } from '../forecast/forecast-when-across';
import { ForecastImpossibleError } from '../forecast/forecast-impossible.error';
import { addLocalDays, localDateOf } from '../time/local-day.util';
import { computeEpicForecasts, computeReleaseForecasts, type DeliveryOptions, planDeliveries, throughputHistories } from './delivery-forecast';
import { isWorkItem, type RiskInput, type RiskItem, type RiskRelease } from './risk-item';

const T = Date.parse('2026-06-15T12:00:00Z');
const DAY = 86_400_000;
const BOARDS = ['A', 'B', 'C', 'D'];
const RELEASES = ['r1', 'r2', 'r3', 'r4'];
const NAMES = ['1.0', '2.0', '1.0', '3.0'];

/**
 * The forecasts as first written, to hold the indexed plan to: each release's and epic's scope by
 * a scan of every work item, its Monte Carlo run, and only then the scope's boards checked.
 */
function reference(input: RiskInput, options: DeliveryOptions) {
  const history = throughputHistories(input, options.window);
  const asOfDate = localDateOf(input.t, input.timezone);
  const work = input.items.filter(isWorkItem);
  const days = (to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${asOfDate}T00:00:00Z`)) / DAY);
  const forecast = (scope: RiskItem[], joinedAt: (item: RiskItem) => number | null, target: string | null) => {
    const remaining = scope.filter((item) => item.category !== 'done');
    const boardIds = [...new Set(scope.map((item) => item.boardId))].sort();
    const firstStart = Math.min(...scope.map((item) => item.startedAt ?? Infinity));
    const scopeAdded = scope.filter((item) => (joinedAt(item) ?? -Infinity) > firstStart).length;
    const base = { boardIds, scope: scope.length, remaining: remaining.length, scopeAdded };
    if (remaining.length === 0) {
      const last = Math.max(...scope.map((item) => item.doneAt ?? -Infinity));
      const date = Number.isFinite(last) ? localDateOf(last, input.timezone) : null;
      return { ...base, p50: date, p85: date, p95: date, pOnTime: 1, atRisk: false };
    }
    const deadlineDays = target === null ? null : days(target);
    const counts = [...new Set(remaining.map((item) => item.boardId))].sort().map((board) => ({ history: history(board), items: remaining.filter((item) => item.boardId === board).length }));
    try {
      const r = forecastWhenAcross({ boards: counts, trials: options.trials, seed: options.seed, deadlineDays });
      return { ...base, p50: addLocalDays(asOfDate, r.p50), p85: addLocalDays(asOfDate, r.p85), p95: addLocalDays(asOfDate, r.p95), pOnTime: r.pOnTime, atRisk: r.pOnTime !== null && r.pOnTime < options.threshold };
    } catch (error) {
      if (!(error instanceof ForecastImpossibleError)) throw error;
      return { ...base, p50: null, p85: null, p95: null, pOnTime: deadlineDays === null ? null : 0, atRisk: deadlineDays !== null, reason: error.message };
    }
  };
  const touches = (boards: string[], own: string | null) => options.boardIds.length === 0 || boards.some((b) => options.boardIds.includes(b)) || (own !== null && options.boardIds.includes(own));
  const releases = [...input.releases]
    .sort((a, b) => (a.releaseId < b.releaseId ? -1 : a.releaseId > b.releaseId ? 1 : 0))
    .filter((r) => !r.released && !r.archived)
    .map((r) => {
      const scope = work.filter((item) => item.versions.includes(r.releaseId) || (item.versions.includes(r.name) && (r.boardId === null || r.boardId === item.boardId)));
      const key = (item: RiskItem) => (item.versions.includes(r.releaseId) ? r.releaseId : r.name);
      return { r, f: forecast(scope, (item) => item.versionSetAt[key(item)] ?? null, r.releaseDate) };
    })
    .filter(({ r, f }) => touches(f.boardIds, r.boardId))
    .map(({ r, f }) => ({ releaseId: r.releaseId, name: r.name, releaseDate: r.releaseDate, ...f }));
  const epics = input.items
    .filter((item) => item.isEpic && item.category !== 'done' && item.category !== 'removed')
    .sort((a, b) => (a.itemKey < b.itemKey ? -1 : a.itemKey > b.itemKey ? 1 : 0))
    .map((epic) => ({ epic, f: forecast(work.filter((item) => item.parentId === epic.itemId || item.parentId === epic.itemKey), (item) => item.parentSetAt, epic.dueDate) }))
    .filter(({ epic, f }) => touches(f.boardIds, epic.boardId))
    .map(({ epic, f }) => ({ epicKey: epic.itemKey, dueDate: epic.dueDate, ...f }));
  return { releases, epics };
}

const itemArb = (i: number) =>
  fc.record({
    board: fc.constantFrom(...BOARDS),
    epic: fc.boolean().map((b) => b && i % 4 === 0),
    category: fc.constantFrom('backlog', 'active', 'wait', 'done', 'removed'),
    doneDaysAgo: fc.integer({ min: 0, max: 120 }),
    startedDaysAgo: fc.option(fc.integer({ min: 0, max: 200 })),
    versions: fc.subarray([...RELEASES, ...new Set(NAMES)]),
    parent: fc.option(fc.integer({ min: 0, max: 30 })),
    due: fc.option(fc.integer({ min: -10, max: 90 })),
    joinedDaysAgo: fc.integer({ min: 0, max: 250 }),
  });

const inputArb = fc
  .tuple(
    fc.integer({ min: 0, max: 40 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => itemArb(i)))),
    fc.tuple(...RELEASES.map(() => fc.record({ board: fc.option(fc.constantFrom(...BOARDS)), released: fc.boolean(), archived: fc.boolean(), due: fc.option(fc.integer({ min: -5, max: 60 })) }))),
  )
  .map(([rows, rels]): RiskInput => {
    const items = rows.map((row, i): RiskItem => {
      const startedAt = row.startedDaysAgo === null ? null : T - row.startedDaysAgo * DAY;
      const joined = T - row.joinedDaysAgo * DAY;
      return {
        itemId: `id-${i}`,
        itemKey: `K-${String(i).padStart(3, '0')}`,
        boardId: row.board,
        type: row.epic ? 'Epic' : 'Story',
        assignee: null,
        isEpic: row.epic,
        createdAt: T - 300 * DAY,
        startedAt,
        doneAt: row.category === 'done' ? T - row.doneDaysAgo * DAY : null,
        category: row.category as RiskItem['category'],
        blocked: false,
        blockedSince: null,
        reopenedAt: [],
        dueDate: row.due === null ? null : addLocalDays('2026-06-15', row.due),
        // Parents name an epic by id or by key (Jira sends either).
        parentId: row.parent === null ? null : row.parent % 2 ? `id-${row.parent}` : `K-${String(row.parent).padStart(3, '0')}`,
        versions: row.versions,
        versionSetAt: Object.fromEntries(row.versions.map((v) => [v, joined])),
        parentSetAt: row.parent === null ? null : joined,
      };
    });
    const releases = rels.map((r, i): RiskRelease => ({ releaseId: RELEASES[i] as string, name: NAMES[i] as string, boardId: r.board, releaseDate: r.due === null ? null : addLocalDays('2026-06-15', r.due), released: r.released, archived: r.archived }));
    return { items, releases, links: [], t: T, timezone: 'Europe/Berlin', teamOfBoard: new Map() };
  });

describe('delivery forecasts (indexed plan)', () => {
  it('equals the scan-every-item reference for any scope, release and epic', () => {
    fc.assert(
      fc.property(inputArb, fc.subarray(BOARDS), fc.integer({ min: 0, max: 1000 }), (input, boardIds, seed) => {
        const options: DeliveryOptions = { boardIds, threshold: 0.7, trials: 200, seed, window: 90 };
        const expected = reference(input, options);
        expect(computeReleaseForecasts(input, options)).toEqual(expected.releases);
        expect(computeEpicForecasts(input, options)).toEqual(expected.epics);
        // The same input asked again for every board (its plan is kept per input): as the reference.
        const everyBoard = { ...options, boardIds: [] };
        expect(computeReleaseForecasts(input, everyBoard)).toEqual(reference(input, everyBoard).releases);
      }),
      { numRuns: 100 },
    );
  });

  it('sends the Monte Carlo only the histories of boards it draws from', () => {
    const base: RiskItem = { itemId: 'x', itemKey: 'X-1', boardId: 'A', type: 'Story', assignee: null, isEpic: false, createdAt: T - 10 * DAY, startedAt: null, doneAt: null, category: 'backlog', blocked: false, blockedSince: null, reopenedAt: [], dueDate: null, parentId: null, versions: ['r1'], versionSetAt: { r1: T }, parentSetAt: null };
    const done: RiskItem = { ...base, itemId: 'y', itemKey: 'Y-1', boardId: 'B', category: 'done', doneAt: T - DAY, versions: [] };
    const input: RiskInput = { items: [base, done], releases: [{ releaseId: 'r1', name: '1.0', boardId: 'A', releaseDate: null, released: false, archived: false }], links: [], t: T, timezone: 'UTC', teamOfBoard: new Map() };
    const plan = planDeliveries(input, { boardIds: ['A'], threshold: 0.7, trials: 10, seed: 1, window: 90 });
    expect([...plan.histories.keys()]).toEqual(['A']);
    expect(plan.releases.map((r) => r.plan.remainingByBoard)).toEqual([[['A', 1]]]);
    expect(planDeliveries(input, { boardIds: ['B'], threshold: 0.7, trials: 10, seed: 1, window: 90 }).releases).toEqual([]);
  });
});
