// Risk signals on the real ClickHouse engine (chDB): the risk input loaded by SQL (items at asOf,
// due dates, versions, parents, releases, links) must give exactly the figures the in-memory
// reference gives from the same canonical events, at the present and at a past instant; and the
// hand-made cases of the risk fixture must read as metrics.md says; on random histories of release
// upserts (some without a board, as Jira version webhooks send them) both must give each release
// its latest upsert on its latest named board (the fast-check seed is printed; FC_SEED replays it).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { ClickHouseStore, migrateClickHouse } from '@flowlens/clickhouse';
import type { CanonicalEvent } from '@flowlens/contracts';
import { buildStageMapping, EvaluatedItemsSource, type MetricQueryContext, RiskInputQuery } from '@flowlens/metric-queries';
import {
  computeConcentration,
  computeDependencies,
  computeEpicForecasts,
  computeItemRisks,
  computeQuality,
  computeReleaseForecasts,
  riskInputOf,
  type RiskInput,
  type RiskRelease,
} from '@flowlens/metrics';
import { EventFactory, JIRA, RISK_EARLIER, RISK_NOW, riskBoard } from '@flowlens/metrics/testing';
import { ProjectionWriter } from '@flowlens/projections';

const dataDir = mkdtempSync(join(tmpdir(), 'flowlens-risk-'));
const store = new ClickHouseStore({ user: 'default', password: '', database: 'flowlens_risk', dataDir });
const writer = new ProjectionWriter(store);
const query = new RiskInputQuery(new EvaluatedItemsSource(store), store);
const FROM = Date.parse('2024-03-01T00:00:00.000Z');
const TO_END = Date.parse('2024-03-21T00:00:00.000Z');
const OPTIONS = { boardIds: [], threshold: 0.7, trials: 500, seed: 11, window: 30 };

async function load(events: readonly CanonicalEvent[]): Promise<{ workspaceId: string; events: CanonicalEvent[] }> {
  const workspaceId = `ws-${randomUUID()}`;
  const rewritten = events.map((e) => ({ ...e, workspaceId }) as CanonicalEvent);
  for (let i = 0; i < rewritten.length; i += 9) await writer.writeEvents(rewritten.slice(i, i + 9));
  return { workspaceId, events: rewritten };
}

function contextOf(workspaceId: string, at: string, pointInTime: boolean): MetricQueryContext {
  return { workspaceId, timezone: 'UTC', asOf: Date.parse(at), pointInTime, from: '2024-03-01', to: at.slice(0, 10), boardIds: [], types: [], teams: [], stages: buildStageMapping([]), workflows: [] };
}

function figures(input: RiskInput) {
  return {
    items: computeItemRisks(input, { boardIds: [] }),
    dependencies: computeDependencies(input, []),
    concentration: computeConcentration(input.items, [], FROM, TO_END),
    quality: computeQuality(input.items, [], FROM, TO_END),
    releases: computeReleaseForecasts(input, OPTIONS),
    epics: computeEpicForecasts(input, OPTIONS),
  };
}

const byId = (input: RiskInput) => ({ ...input, items: [...input.items].sort((a, b) => (a.itemId < b.itemId ? -1 : 1)), links: [...input.links].sort((a, b) => (a.blockerId + a.dependentId < b.blockerId + b.dependentId ? -1 : 1)) });

describe('risk signals: SQL input vs the in-memory reference', () => {
  let loaded: { workspaceId: string; events: CanonicalEvent[] };

  beforeAll(async () => {
    await migrateClickHouse(store);
    loaded = await load(riskBoard());
  });

  afterAll(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it.each([
    ['the present', RISK_NOW, false],
    ['the present, read as a point in time', RISK_NOW, true],
    ['a past instant', RISK_EARLIER, true],
  ])('at %s the loaded input and every figure equal the reference', async (_what, at, pointInTime) => {
    const sql = await query.run(contextOf(loaded.workspaceId, at, pointInTime), 0, new Map());
    const reference = riskInputOf(loaded.events, { at, pointInTime, timezone: 'UTC' });
    expect(byId(sql)).toEqual(byId(reference));
    expect(figures(sql)).toEqual(figures(reference));
  });

  it.each([
    ['the present', RISK_NOW, false],
    ['a past instant', RISK_EARLIER, true],
  ])('at %s a version webhook without a board re-dates a release and keeps the board read before', async (_what, at, pointInTime) => {
    const expected = { releaseId: '100', name: '1.0', boardId: 'KAN', releaseDate: '2024-04-15', released: false, archived: false };
    const sql = await query.run(contextOf(loaded.workspaceId, at, pointInTime), 0, new Map());
    const reference = riskInputOf(loaded.events, { at, pointInTime, timezone: 'UTC' });
    expect(sql.releases.find((r) => r.releaseId === '100')).toEqual(expected);
    expect(reference.releases.find((r) => r.releaseId === '100')).toEqual(expected);
  });

  it('on random release histories, with and without boards, gives each release its latest upsert on its latest named board', async () => {
    const upsertArb = fc.record({
      releaseId: fc.constantFrom('200', '201', '202'),
      // Minutes from 1 March, all received before RISK_NOW (the present is read as of then).
      minute: fc.nat(19 * 24 * 60),
      boardId: fc.constantFrom(null, null, 'KAN', 'OPS'),
      name: fc.constantFrom('2.0', '2.1'),
      releaseDate: fc.constantFrom(null, '2024-04-01', '2024-05-01'),
      released: fc.boolean(),
      archived: fc.boolean(),
    });
    const historyArb = fc.uniqueArray(upsertArb, { minLength: 1, maxLength: 12, selector: (u) => u.minute });
    const at = '2024-03-11T00:00:00.000Z';
    const factory = new EventFactory('jira', 'c0a8012e-6f1b-4c3d-9e2a-7b5d4f3a2e10', 'KAN');
    await fc.assert(
      fc.asyncProperty(historyArb, fc.boolean(), async (history, pointInTime) => {
        const events = history.map(({ minute, boardId, ...payload }) => ({ ...factory.release(new Date(FROM + minute * 60_000).toISOString(), payload), boardId }) as CanonicalEvent);
        const { workspaceId, events: stored } = await load(events);
        const when = pointInTime ? at : RISK_NOW;
        // What the release is, told plainly: upserts known at `when` in time order (the times are
        // distinct), the fields of the last one, the board of the last one that named a board.
        const expected = new Map<string, RiskRelease>();
        for (const u of [...history].sort((a, b) => a.minute - b.minute)) {
          const occurred = FROM + u.minute * 60_000;
          if (pointInTime && occurred + 1000 > Date.parse(at)) continue;
          const boardId = u.boardId ?? expected.get(u.releaseId)?.boardId ?? null;
          expected.set(u.releaseId, { releaseId: u.releaseId, name: u.name, boardId, releaseDate: u.releaseDate, released: u.released, archived: u.archived });
        }
        const sorted = (releases: readonly RiskRelease[]) => [...releases].sort((a, b) => (a.releaseId < b.releaseId ? -1 : 1));
        const sql = await query.run(contextOf(workspaceId, when, pointInTime), 0, new Map());
        const reference = riskInputOf(stored, { at: when, pointInTime, timezone: 'UTC' });
        expect(sorted(sql.releases)).toEqual(sorted([...expected.values()]));
        expect(sorted(reference.releases)).toEqual(sorted([...expected.values()]));
      }),
      { numRuns: Number(process.env.FLOWLENS_ORACLE_RUNS ?? 10) },
    );
  }, 10 * 60_000);

  it('gives the same figures from any horizon before the windows it reads, and keeps the ends of links done long ago', async () => {
    // Beside the fixture: an item done a year before, blocking an open one, and another done as long
    // ago with no link, version or parent (an input from a later horizon leaves that one out).
    const old = new EventFactory('jira', 'c0a8012e-6f1b-4c3d-9e2a-7b5d4f3a2e10', 'KAN');
    const blocker = old.item('old-blocker', 'KAN-OLD1');
    const lone = old.item('old-lone', 'KAN-OLD2');
    const open = old.item('old-dependent', 'KAN-OLD3');
    const extra = [
      ...[blocker, lone].flatMap((item) => [item.created('2023-02-01T09:00:00.000Z', JIRA.todo), item.status('2023-02-02T09:00:00.000Z', JIRA.todo, JIRA.inProgress), item.status('2023-02-10T09:00:00.000Z', JIRA.inProgress, JIRA.done)]),
      open.created('2024-03-02T09:00:00.000Z', JIRA.todo),
      open.status('2024-03-04T09:00:00.000Z', JIRA.todo, JIRA.inProgress),
      old.link('2024-03-05T09:00:00.000Z', 'ItemLinkCreated', { key: 'KAN-OLD1' }, { id: 'old-dependent' }),
    ];
    const { workspaceId } = await load([...riskBoard(), ...extra]);
    // As RiskService reads it: the horizon is at most the SLE window's start and the window's from.
    const horizon = Date.parse('2023-06-01T00:00:00.000Z');
    for (const pointInTime of [true, false]) {
      const everything = await query.run(contextOf(workspaceId, RISK_NOW, pointInTime), 0, new Map());
      const fromHorizon = await query.run(contextOf(workspaceId, RISK_NOW, pointInTime), horizon, new Map());
      expect(everything.items.some((i) => i.itemKey === 'KAN-OLD2')).toBe(true);
      expect(fromHorizon.items.map((i) => i.itemKey)).toContain('KAN-OLD1');
      if (pointInTime) expect(fromHorizon.items.map((i) => i.itemKey)).not.toContain('KAN-OLD2');
      expect(figures(fromHorizon)).toEqual(figures(everything));
      expect(computeDependencies(fromHorizon, []).find((d) => d.itemKey === 'KAN-OLD3')).toMatchObject({ blockedByKey: 'KAN-OLD1', open: false });
    }
  });

  it('reads the hand-made cases as metrics.md defines them', () => {
    const input = riskInputOf(loaded.events, { at: RISK_NOW, pointInTime: false, timezone: 'UTC' });
    const { items, blockedShare } = computeItemRisks(input, { boardIds: [] });
    const of = (key: string) => items.find((item) => item.itemKey === key);
    expect(of('K-EQ')).toBeUndefined(); // age = SLE = 5.25 is not beyond it
    expect(of('K-OLD')).toMatchObject({ signals: ['aging'], ageDays: 8, sleDays: 5.25, pace: 1 });
    expect(of('K-BLK')).toMatchObject({ signals: ['blocked'], blockedDays: 1.5 });
    expect(of('K-DUE')).toMatchObject({ signals: ['due-date'], dueDate: '2024-03-20', pOnTime: 0, ageDays: null, pace: null });
    expect(of('K-DEP')).toMatchObject({ signals: ['dependency'] });
    expect(of('K-DEP2')).toBeUndefined(); // its blocker is deleted
    expect(of('K-IN')).toBeUndefined(); // its blocker is done
    // In progress: K-EQ, K-OLD, K-BLK, K-DEP, K-DEP2, K-IN, OPS-1; blocked: K-BLK.
    expect(blockedShare).toBeCloseTo(1 / 7, 12);
    const dependencies = computeDependencies(input, []);
    expect(dependencies.map((d) => [d.itemKey, d.blockedByKey, d.open, d.crossTeam, d.ageDays])).toEqual([
      ['K-DEP', 'OPS-1', true, true, 4],
      ['K-IN', 'K-H1', false, false, 2],
    ]);
    const sameTeam = computeDependencies({ ...input, teamOfBoard: new Map([['KAN', 't'], ['OPS', 't']]) }, []);
    expect(sameTeam.map((d) => d.crossTeam)).toEqual([false, false]);
    const releases = computeReleaseForecasts(input, OPTIONS);
    expect(releases.map((r) => r.releaseId)).toEqual(['100', '101']);
    expect(releases[0]).toMatchObject({ name: '1.0', releaseDate: '2024-04-15', scope: 3, remaining: 2, scopeAdded: 1, boardIds: ['KAN'] });
    expect(releases[1]).toMatchObject({ name: '0.9', scope: 1, remaining: 0, pOnTime: 1, atRisk: false, p50: '2024-03-16', p95: '2024-03-16' });
    const [epic] = computeEpicForecasts(input, OPTIONS);
    expect(epic).toMatchObject({ epicKey: 'K-EPIC', dueDate: '2024-03-22', scope: 2, remaining: 1, boardIds: ['KAN', 'OPS'] });
    const quality = computeQuality(input.items, [], FROM, TO_END);
    expect(quality).toMatchObject({ reopened: 1, done: 8, reopenRate: 1 / 8 });
  });
});
