// The views behind the Grafana flow dashboards exist after the ClickHouse migrations and answer
// every panel's query on the real engine (chDB), with figures equal to the reference
// implementation for boards without a saved workflow map (UTC days).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClickHouseStore, migrateClickHouse } from '@flowlens/clickhouse';
import type { CanonicalEvent } from '@flowlens/contracts';
import { buildTimelines, computeCycleTime, computeThroughput, type MetricQuery } from '@flowlens/metrics';
import { berlinFortnight, JIRA, jiraKan } from '@flowlens/metrics/testing';
import { ProjectionWriter } from '@flowlens/projections';
import { flowDashboards, interpolated, migratedViews } from '../support/grafana/flow-dashboard';

const dataDir = mkdtempSync(join(tmpdir(), 'flowlens-grafana-views-'));
const store = new ClickHouseStore({ user: 'default', password: '', database: 'flowlens_grafana', dataDir });
const WORKSPACE = 'ws-grafana';
const RANGE = { from: '2024-03-01', to: '2024-04-30' };
let events: CanonicalEvent[];

beforeAll(async () => {
  await migrateClickHouse(store);
  // The Berlin fortnight (all done by now) plus two items still in progress: one created, one
  // first seen through an update (its only event an observation).
  const kan = jiraKan();
  const open = kan.item('10198', 'KAN-98');
  const seen = kan.item('10199', 'KAN-99');
  const extra = [open.created('2024-04-03T09:00:00.000Z', JIRA.inProgress), open.blocked('2024-04-04T09:00:00.000Z', 'flag'), seen.observed('2024-04-05T12:00:00.000Z', JIRA.inProgress, { type: 'Bug', title: 'Seen mid-flight' })];
  events = [...berlinFortnight(), ...extra].map((event) => ({ ...event, workspaceId: WORKSPACE }) as CanonicalEvent);
  await new ProjectionWriter(store).writeEvents(events);
});

afterAll(async () => {
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const everything = () => {
  const boards = [...new Set(events.map((e) => e.boardId).filter((b): b is string => b !== null))];
  return { workspace: WORKSPACE, board: boards, type: ['Story', 'Bug', 'Task', '(none)', 'Tech Debt', 'Spike', 'Security'], ...RANGE, database: 'flowlens_grafana' };
};

describe('ClickHouse flow views (migration 004) on chDB', () => {
  it('exist as views', async () => {
    const rows = await store.query<{ name: string }>(`SELECT name FROM system.tables WHERE database = 'flowlens_grafana' AND engine = 'View' ORDER BY name`);
    expect(rows.map((r) => r.name)).toEqual([...migratedViews()].sort());
  });

  it('answer every panel and variable query of the provisioned dashboards', async () => {
    for (const dashboard of flowDashboards()) {
      for (const panel of dashboard.panels) {
        for (const target of panel.targets) {
          const rows = await store.query<Record<string, unknown>>(interpolated(target.rawSql, everything()));
          expect({ panel: panel.title, answered: rows.length > 0 }).toEqual({ panel: panel.title, answered: true });
        }
      }
      for (const variable of dashboard.templating.list) {
        const rows = await store.query<Record<string, unknown>>(interpolated(variable.query, everything()));
        expect(rows.length).toBeGreaterThan(0);
      }
    }
  });

  it('list the items in progress now, the one first seen through an update included', async () => {
    const rows = await store.query<{ item_key: string; stage: string; blocked: number }>(`SELECT item_key, stage, blocked FROM flowlens_grafana.flow_aging WHERE workspace_id = {ws:String} ORDER BY item_key`, { ws: WORKSPACE });
    expect(rows).toEqual([
      { item_key: 'KAN-98', stage: 'In Progress', blocked: 1 },
      { item_key: 'KAN-99', stage: 'In Progress', blocked: 0 },
    ]);
  });

  it('give the throughput and cycle-time percentiles the reference implementation gives', async () => {
    const query: MetricQuery = { ...RANGE, timezone: 'UTC' };
    const timelines = buildTimelines(events);
    const throughput = computeThroughput(timelines, query);
    const cycle = computeCycleTime(timelines, query);
    const [done] = await store.query<{ items: string }>(`SELECT sum(items) AS items FROM flowlens_grafana.flow_throughput_daily WHERE workspace_id = {ws:String}`, { ws: WORKSPACE });
    expect(Number(done?.items)).toBe(throughput.total);
    const [p] = await store.query<{ p50: number; p85: number; n: string }>(
      `SELECT quantileExactInclusive(0.5)(cycle_time_days) AS p50, quantileExactInclusive(0.85)(cycle_time_days) AS p85, count() AS n FROM flowlens_grafana.flow_cycle_times WHERE workspace_id = {ws:String}`,
      { ws: WORKSPACE },
    );
    expect(Number(p?.n)).toBe(cycle.count);
    expect(p?.p50).toBeCloseTo(cycle.p50 ?? NaN, 9);
    expect(p?.p85).toBeCloseTo(cycle.p85 ?? NaN, 9);
    const byDay = await store.query<{ day: string; items: string }>(`SELECT toString(day) AS day, sum(items) AS items FROM flowlens_grafana.flow_throughput_daily WHERE workspace_id = {ws:String} GROUP BY day ORDER BY day`, { ws: WORKSPACE });
    expect(byDay.map((r) => [r.day, Number(r.items)])).toEqual(throughput.series.filter((s) => s.count > 0).map((s) => [s.start, s.count]));
  });
});
