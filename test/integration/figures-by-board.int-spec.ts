// The by-board forms of the figure queries (one scan answering each board of the context: what an
// alert cycle uses for its board rules) must give every board exactly the figure the query answers
// for that board alone, on chDB, for hand-made and random streams (moves between boards, blocks,
// deletions; the fast-check seed is printed per file; FC_SEED replays it), for present and past
// instants, with and without a map, through the shared evaluation and evaluated in the query.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { ClickHouseStore, migrateClickHouse } from '@flowlens/clickhouse';
import type { CanonicalEvent } from '@flowlens/contracts';
import {
  buildStageMapping,
  CapacityQuery,
  ElapsedTimeQuery,
  EvaluatedItemsSource,
  FlowEfficiencyQuery,
  type MetricQueryContext,
  StageOccupancyQuery,
  ThroughputQuery,
} from '@flowlens/metric-queries';
import type { WorkflowMap } from '@flowlens/metrics';
import { berlinFortnight, BERLIN_NOW, BERLIN_QUERY, eventStreamArb, RANDOM_NOW, RANDOM_QUERY, scrambled, KAN_WAIT_MAP } from '@flowlens/metrics/testing';
import { ProjectionWriter } from '@flowlens/projections';

const dataDir = mkdtempSync(join(tmpdir(), 'flowlens-by-board-'));
const store = new ClickHouseStore({ user: 'default', password: '', database: 'flowlens_by_board', dataDir });
const writer = new ProjectionWriter(store);

/** The queries over both ways of evaluating items: the shared evaluation, and in each query (no shared table). */
const shared = new EvaluatedItemsSource(store);
const inQuery = new EvaluatedItemsSource(store, { maxItems: 0, maxTables: 4, dropAfterMs: 0 });
const sources = [shared, inQuery];
type Way = { readonly items: EvaluatedItemsSource; readonly pointInTime: boolean };
/** Present items through the shared evaluation and evaluated in the query, and a past instant (always in the query). */
const EVERY_WAY: Way[] = [
  { items: shared, pointInTime: false },
  { items: inQuery, pointInTime: false },
  { items: inQuery, pointInTime: true },
];

/** Every board the events name (moves included), and one they do not. */
function boardsOf(events: readonly CanonicalEvent[]): string[] {
  const boards = new Set<string>(['NOPE']);
  for (const e of events) {
    if (e.boardId) boards.add(e.boardId);
    if (e.type === 'WorkItemMoved') boards.add(e.payload.toBoardId);
  }
  return [...boards].sort();
}

async function expectSameByBoard(events: readonly CanonicalEvent[], query: { from: string; to: string; timezone: string }, asOf: string, maps: WorkflowMap[], ways: readonly Way[]): Promise<number> {
  const workspaceId = `ws-${randomUUID()}`;
  const rewritten = events.map((e) => ({ ...e, workspaceId }) as CanonicalEvent);
  for (let i = 0; i < rewritten.length; i += 9) await writer.writeEvents(rewritten.slice(i, i + 9));
  const boards = boardsOf(rewritten);
  let compared = 0;
  for (const { items, pointInTime } of ways) {
    {
      const ctx = (boardIds: string[], from = query.from, to = query.to): MetricQueryContext => ({
        workspaceId,
        timezone: query.timezone,
        asOf: pointInTime ? Date.parse(asOf) : Date.now(),
        pointInTime,
        from,
        to,
        boardIds,
        types: [],
        teams: [],
        stages: buildStageMapping(maps),
        workflows: maps,
      });
      const throughput = new ThroughputQuery(items);
      const elapsed = new ElapsedTimeQuery(items);
      const efficiency = new FlowEfficiencyQuery(items);
      const occupancy = new StageOccupancyQuery(items);
      const capacity = new CapacityQuery(items);
      const all = ctx(boards);
      const day = ctx(boards, query.to, query.to);
      const [weekly, cycle, lead, flowEfficiency, wip, stages, counts] = await Promise.all([
        throughput.byBoard(all, 'week'),
        elapsed.summaryByBoard(all, 'cycle'),
        elapsed.summaryByBoard(all, 'lead'),
        efficiency.byBoard(all),
        occupancy.wipByBoard(day),
        occupancy.runByBoard(day),
        capacity.flowCountsByBoard(all),
      ]);
      for (const board of boards) {
        const one = ctx([board]);
        const { items: _items, itemsTotal: _total, ...cycleAlone } = await elapsed.run(one, 'cycle', 0);
        const { items: _i, itemsTotal: _t, ...leadAlone } = await elapsed.run(one, 'lead', 0);
        expect({ board, figure: 'throughput', value: weekly.get(board) }).toEqual({ board, figure: 'throughput', value: await throughput.run(one, 'week') });
        expect({ board, figure: 'cycle', value: cycle.get(board) }).toEqual({ board, figure: 'cycle', value: cycleAlone });
        expect({ board, figure: 'lead', value: lead.get(board) }).toEqual({ board, figure: 'lead', value: leadAlone });
        expect({ board, figure: 'efficiency', value: flowEfficiency.get(board) }).toEqual({ board, figure: 'efficiency', value: await efficiency.run(one) });
        expect({ board, figure: 'wip', value: wip.get(board) }).toEqual({ board, figure: 'wip', value: await occupancy.wip(ctx([board], query.to, query.to)) });
        expect({ board, figure: 'stages', value: stages.get(board) }).toEqual({ board, figure: 'stages', value: await occupancy.run(ctx([board], query.to, query.to)) });
        expect({ board, figure: 'counts', value: counts.get(board) }).toEqual({ board, figure: 'counts', value: await capacity.flowCounts(one) });
        compared += (cycle.get(board)?.count ?? 0) + (weekly.get(board)?.total ?? 0);
      }
    }
  }
  return compared;
}

describe('figures by board equal the figure of each board alone', () => {
  beforeAll(async () => {
    await migrateClickHouse(store);
  });
  afterAll(async () => {
    await Promise.all(sources.map((s) => s.onModuleDestroy()));
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('on the Berlin fortnight with a second board, with and without a map', async () => {
    const ops = berlinFortnight().map((e) => ({ ...e, eventId: randomUUID(), sourceEventId: `ops-${e.sourceEventId}`, boardId: 'OPS', itemId: `ops-${e.itemId}`, itemKey: `OPS-${e.itemKey}` }) as CanonicalEvent);
    const events = [...berlinFortnight(), ...ops];
    // Done items on both boards, so the figures compared are not all empty.
    expect(await expectSameByBoard(events, BERLIN_QUERY, BERLIN_NOW, [KAN_WAIT_MAP], EVERY_WAY)).toBeGreaterThan(0);
    expect(await expectSameByBoard(events, BERLIN_QUERY, BERLIN_NOW, [], [EVERY_WAY[1] as Way])).toBeGreaterThan(0);
  }, 300_000);

  it('on random streams, out of order and duplicated, with and without a map', async () => {
    await fc.assert(
      fc.asyncProperty(eventStreamArb, fc.nat(1000), fc.boolean(), async (events, seed, mapped) => {
        // The present through both evaluations; past instants are held by the fixture above and the oracle suites.
        await expectSameByBoard(scrambled(events, seed), RANDOM_QUERY, RANDOM_NOW, mapped ? [KAN_WAIT_MAP] : [], EVERY_WAY.slice(0, 2));
      }),
      { numRuns: Number(process.env.FLOWLENS_ORACLE_RUNS ?? 5) },
    );
  }, 400_000);
});
