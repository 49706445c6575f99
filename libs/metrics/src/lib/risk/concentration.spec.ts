import fc from 'fast-check';
import { computeConcentration, concentrationOf } from './concentration';
import type { RiskInput, RiskItem } from './risk-item';

const DAY = 86_400_000;
const T = Date.parse('2026-06-30T12:00:00.000Z');
const BOARDS = ['A', 'B', 'C'];

const itemArb = fc.record({
  board: fc.constantFrom(...BOARDS),
  epic: fc.boolean(),
  removed: fc.boolean(),
  doneDaysAgo: fc.option(fc.integer({ min: 0, max: 60 * 24 }).map((h) => h / 24)),
  assignee: fc.option(fc.constantFrom('ann', 'bob', 'cy', 'di')),
});

describe('concentrationOf (done items kept by instant)', () => {
  it('equals computeConcentration over every item, for any window and scope', () => {
    fc.assert(
      fc.property(fc.array(itemArb, { maxLength: 80 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), fc.subarray(BOARDS), (rows, a, b, boardIds) => {
        const items = rows.map(
          (row, i): RiskItem => ({
            itemId: `id-${i}`,
            itemKey: `K-${i}`,
            boardId: row.board,
            type: 'Story',
            assignee: row.assignee,
            isEpic: row.epic,
            createdAt: T - 90 * DAY,
            startedAt: T - 80 * DAY,
            doneAt: row.doneDaysAgo === null ? null : Math.round(T - row.doneDaysAgo * DAY),
            category: row.removed ? 'removed' : row.doneDaysAgo === null ? 'active' : 'done',
            blocked: false,
            blockedSince: null,
            reopenedAt: [],
            dueDate: null,
            parentId: null,
            versions: [],
            versionSetAt: {},
            parentSetAt: null,
          }),
        );
        const input: RiskInput = { items, releases: [], links: [], t: T, timezone: 'UTC', teamOfBoard: new Map() };
        const [fromMs, toEndMs] = [T - Math.max(a, b) * DAY, T - Math.min(a, b) * DAY + 1];
        expect(concentrationOf(input, boardIds, fromMs, toEndMs)).toEqual(computeConcentration(items, boardIds, fromMs, toEndMs));
        // The same input again (its index is kept): the same answer.
        expect(concentrationOf(input, boardIds, fromMs, toEndMs)).toEqual(computeConcentration(items, boardIds, fromMs, toEndMs));
      }),
      { numRuns: 300 },
    );
  });
});
