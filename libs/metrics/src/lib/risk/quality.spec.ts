import fc from 'fast-check';
import { flowTypeFor } from '../flow-type/flow-type';
import { computeQuality, computeQualityByPeriod } from './quality';
import type { RiskItem } from './risk-item';

const DAY = 86_400_000;
const T = Date.parse('2026-06-30T00:00:00.000Z');
const BOARDS = ['A', 'B'];

/** The definitions of metrics.md "Quality", read literally over one window. */
function reference(items: readonly RiskItem[], boardIds: readonly string[], fromMs: number, toEndMs: number) {
  const within = (ms: number | null) => ms !== null && ms >= fromMs && ms < toEndMs;
  const work = items.filter((item) => (boardIds.length === 0 || boardIds.includes(item.boardId)) && !item.isEpic && item.category !== 'removed');
  const defect = (item: RiskItem) => flowTypeFor(item.type) === 'defect';
  const done = work.filter((item) => within(item.doneAt));
  const created = work.filter((item) => within(item.createdAt));
  const reopened = work.filter((item) => item.reopenedAt.some(within)).length;
  const defectsCreated = created.filter(defect).length;
  const defectsDone = done.filter(defect).length;
  return {
    reopenRate: done.length === 0 ? null : reopened / done.length,
    reopened,
    done: done.length,
    defectShare: created.length === 0 ? null : defectsCreated / created.length,
    created: created.length,
    defectsCreated,
    defectsDone,
    defectNetFlow: defectsCreated - defectsDone,
  };
}

const hour = fc.integer({ min: 0, max: 28 * 24 }).map((h) => T + h * 3_600_000);
const itemArb = fc.record({
  board: fc.constantFrom(...BOARDS),
  type: fc.constantFrom('Story', 'Bug', 'Task', null),
  epic: fc.boolean(),
  removed: fc.boolean(),
  createdAt: hour,
  doneAt: fc.option(hour),
  // Any order: the input does not promise one.
  reopenedAt: fc.array(hour, { maxLength: 3 }),
});

type Row = typeof itemArb extends fc.Arbitrary<infer R> ? R : never;

const itemOf = (row: Row, i: number): RiskItem => ({
  itemId: `id-${i}`,
  itemKey: `K-${i}`,
  boardId: row.board,
  type: row.type,
  assignee: null,
  isEpic: row.epic,
  createdAt: row.createdAt,
  startedAt: null,
  doneAt: row.doneAt,
  category: row.removed ? 'removed' : row.doneAt === null ? 'active' : 'done',
  blocked: false,
  blockedSince: null,
  reopenedAt: row.reopenedAt,
  dueDate: null,
  parentId: null,
  versions: [],
  versionSetAt: {},
  parentSetAt: null,
});

describe('quality by period', () => {
  it('gives each of consecutive periods the figures of that period alone (and the window its own)', () => {
    fc.assert(
      fc.property(fc.array(itemArb, { maxLength: 60 }), fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 5 }), fc.subarray(BOARDS), (rows, lengths, boardIds) => {
        const items = rows.map(itemOf);
        let start = T + DAY;
        const periods = lengths.map((days) => ({ fromMs: start, toEndMs: (start += days * DAY) }));
        expect(computeQualityByPeriod(items, boardIds, periods)).toEqual(periods.map((p) => reference(items, boardIds, p.fromMs, p.toEndMs)));
        const window = { fromMs: periods[0]?.fromMs as number, toEndMs: start };
        expect(computeQuality(items, boardIds, window.fromMs, window.toEndMs)).toEqual(reference(items, boardIds, window.fromMs, window.toEndMs));
      }),
    );
  });

  it('counts an item reopened twice in one week once there, and once in each week it was reopened', () => {
    const items = [itemOf({ board: 'A', type: 'Bug', epic: false, removed: false, createdAt: T, doneAt: T + 9 * DAY, reopenedAt: [T + 8 * DAY, T + 2 * DAY, T + 3 * DAY] }, 0)];
    const weeks = [{ fromMs: T, toEndMs: T + 7 * DAY }, { fromMs: T + 7 * DAY, toEndMs: T + 14 * DAY }];
    const [first, second] = computeQualityByPeriod(items, [], weeks);
    expect([first?.reopened, first?.done, first?.created, first?.defectsCreated, first?.defectNetFlow]).toEqual([1, 0, 1, 1, 1]);
    expect([second?.reopened, second?.done, second?.reopenRate, second?.defectsDone, second?.defectNetFlow]).toEqual([1, 1, 1, 1, -1]);
  });
});
