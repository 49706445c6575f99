// The capacity counts (arrivals, created, throughput per day, backlog at the end of `to`, active
// time per board and type inside the window) computed by SQL on chDB must equal the plain
// reference in @flowlens/capacity, on the hand-made fixtures and on random event streams (the
// fast-check seed is printed per file; FC_SEED replays it).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { computeActiveTime, computeFlowCounts } from '@flowlens/capacity';
import { ClickHouseStore, migrateClickHouse } from '@flowlens/clickhouse';
import type { CanonicalEvent } from '@flowlens/contracts';
import { buildStageMapping, CapacityQuery, EvaluatedItemsSource, type MetricQueryContext } from '@flowlens/metric-queries';
import { buildTimelines, type MetricQuery, type WorkflowMap } from '@flowlens/metrics';
import { berlinFortnight, BERLIN_NOW, BERLIN_QUERY, blockedWeek, BLOCKED_QUERY, eventStreamArb, newYorkCards, NEW_YORK_NOW, NEW_YORK_QUERY, RANDOM_NOW, RANDOM_QUERY, scrambled, KAN_WAIT_MAP } from '@flowlens/metrics/testing';
import { ProjectionWriter } from '@flowlens/projections';

const dataDir = mkdtempSync(join(tmpdir(), 'flowlens-capacity-'));
const store = new ClickHouseStore({ user: 'default', password: '', database: 'flowlens_capacity_oracle', dataDir });
const writer = new ProjectionWriter(store);
const capacity = new CapacityQuery(new EvaluatedItemsSource(store));

const POINTS = [null, 1, 2, 3, 5, 0.5, 8] as const;
const pointsOf = (text: string) => POINTS[[...text].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 9973, 7) % POINTS.length] ?? null;

/**
 * The same stream with story points: each item is created with an estimate picked from its id
 * (some with none), and about half of the updates change it (to a value or to none), so the
 * estimate at asOf is the latest one.
 */
function withEstimates(events: readonly CanonicalEvent[]): CanonicalEvent[] {
  return events.map((e) => {
    if (e.type === 'WorkItemCreated') return { ...e, payload: { ...e.payload, fields: { ...e.payload.fields, estimate: pointsOf(e.itemId) } } } as CanonicalEvent;
    if (e.type === 'WorkItemUpdated' && pointsOf(e.eventId) !== 1) return { ...e, payload: { ...e.payload, changes: { ...e.payload.changes, estimate: pointsOf(`${e.eventId}!`) } } } as CanonicalEvent;
    return e;
  });
}

async function expectSameCounts(events: readonly CanonicalEvent[], query: MetricQuery, asOf: string, maps: WorkflowMap[] = []): Promise<void> {
  const workspaceId = `ws-${randomUUID()}`;
  const rewritten = events.map((e) => ({ ...e, workspaceId }) as CanonicalEvent);
  for (let i = 0; i < rewritten.length; i += 7) await writer.writeEvents(rewritten.slice(i, i + 7));
  const timelines = buildTimelines(rewritten, { asOf });
  const oracleQuery: MetricQuery = { ...query, workflows: maps };
  const afterEverything = rewritten.every((e) => e.occurredAt <= asOf && e.receivedAt <= asOf);
  for (const pointInTime of afterEverything ? [true, false] : [true]) {
    const ctx: MetricQueryContext = {
      workspaceId,
      timezone: query.timezone,
      asOf: Date.parse(asOf),
      pointInTime,
      from: query.from,
      to: query.to,
      boardIds: query.boardIds ?? [],
      types: query.types ?? [],
      teams: query.teams ?? [],
      stages: buildStageMapping(maps),
      workflows: maps,
    };
    expect(await capacity.flowCounts(ctx)).toEqual(computeFlowCounts(timelines, oracleQuery));
    expect(await capacity.activeTime(ctx)).toEqual(computeActiveTime(timelines, oracleQuery, Date.parse(asOf)));
  }
}

describe('capacity counts in SQL equal the reference implementation', () => {
  beforeAll(async () => {
    await migrateClickHouse(store);
  });
  afterAll(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('on the hand-computed fixtures (DST fortnights, blocked week, Trello cards)', async () => {
    await expectSameCounts(berlinFortnight(), BERLIN_QUERY, BERLIN_NOW);
    await expectSameCounts(berlinFortnight(), BERLIN_QUERY, BERLIN_NOW, [KAN_WAIT_MAP]);
    await expectSameCounts(blockedWeek(), BLOCKED_QUERY, '2024-05-20T00:00:00.000Z');
    await expectSameCounts(newYorkCards(), NEW_YORK_QUERY, NEW_YORK_NOW);
  });

  it('in estimate units too, and null where no item has an estimate', async () => {
    await expectSameCounts(withEstimates(berlinFortnight()), BERLIN_QUERY, BERLIN_NOW);
    await expectSameCounts(withEstimates(berlinFortnight()), BERLIN_QUERY, BERLIN_NOW, [KAN_WAIT_MAP]);
    await expectSameCounts(withEstimates(blockedWeek()), BLOCKED_QUERY, '2024-05-20T00:00:00.000Z');
    const timelines = buildTimelines(withEstimates(berlinFortnight()), { asOf: BERLIN_NOW });
    const reference = computeFlowCounts(timelines, { ...BERLIN_QUERY, workflows: [] });
    expect(reference.estimate).not.toBeNull();
    expect(reference.estimate?.items).toBeGreaterThan(0);
    expect(computeFlowCounts(buildTimelines(berlinFortnight(), { asOf: BERLIN_NOW }), { ...BERLIN_QUERY, workflows: [] }).estimate).toBeNull();
  });

  it('on random streams, out of order and duplicated, at several instants, with and without a map', async () => {
    const instants = ['2024-03-27T10:00:00.000Z', '2024-04-02T00:30:00.000Z', '2024-04-08T21:59:59.999Z', RANDOM_NOW];
    await fc.assert(
      fc.asyncProperty(eventStreamArb, fc.nat(1000), fc.constantFrom(...instants), fc.boolean(), fc.constantFrom([], ['KAN'], ['KAN', 'OPS']), async (events, seed, asOf, mapped, boardIds) => {
        const stream = seed % 2 === 0 ? withEstimates(events) : events;
        await expectSameCounts(scrambled(stream, seed), { ...RANDOM_QUERY, boardIds }, asOf, mapped ? [KAN_WAIT_MAP] : []);
      }),
      { numRuns: Number(process.env.FLOWLENS_ORACLE_RUNS ?? 10) },
    );
  }, 30 * 60_000);
});
