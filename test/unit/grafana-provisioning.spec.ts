// Grafana cannot run here: the provisioned flow dashboards are checked statically against the
// ClickHouse migrations (the views their panels read) and against Grafana's provisioning shape.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { flowDashboards, migratedViews, PROVISIONING, relationsOf, variablesOf } from '../support/grafana/flow-dashboard';

const FIGURES = [/throughput/i, /wip/i, /cycle time percentiles/i, /cumulative flow/i, /aging/i, /flow efficiency/i, /flow distribution/i];

describe('Grafana flow dashboards', () => {
  const dashboards = flowDashboards();
  const views = migratedViews();
  const datasource = readFileSync(join(PROVISIONING, 'datasources', 'clickhouse.yml'), 'utf8');
  const provider = readFileSync(join(PROVISIONING, 'dashboards', 'flowlens-flow.yml'), 'utf8');

  it('parse, have unique uids and panel ids, and show every flow figure', () => {
    expect(dashboards.length).toBeGreaterThan(0);
    expect(new Set(dashboards.map((d) => d.uid)).size).toBe(dashboards.length);
    for (const dashboard of dashboards) expect(new Set(dashboard.panels.map((p) => p.id)).size).toBe(dashboard.panels.length);
    const titles = dashboards.flatMap((d) => d.panels.map((p) => p.title));
    for (const figure of FIGURES) expect(titles.some((title) => figure.test(title))).toBe(true);
  });

  it('read only views created by the ClickHouse migrations, through the provisioned datasource', () => {
    expect(views).toEqual(expect.arrayContaining(['flow_items', 'flow_throughput_daily', 'flow_wip_daily', 'flow_cycle_times', 'flow_cfd_daily', 'flow_aging', 'flow_efficiency']));
    const uid = /uid:\s*(\S+)/.exec(datasource)?.[1];
    expect(uid).toBe('flowlens-clickhouse');
    for (const dashboard of dashboards) {
      const queries = [...dashboard.panels.flatMap((p) => p.targets.map((t) => ({ sql: t.rawSql, uid: t.datasource.uid }))), ...dashboard.templating.list.map((v) => ({ sql: v.query, uid }))];
      for (const { sql, uid: used } of queries) {
        expect(used).toBe(uid);
        const read = relationsOf(sql);
        expect(read.length).toBeGreaterThan(0);
        for (const relation of read) expect(views).toContain(relation);
      }
      for (const panel of dashboard.panels) expect(panel.datasource.uid).toBe(uid);
    }
  });

  it('define the workspace, board and type variables every query uses, and filter panels by the time range', () => {
    for (const dashboard of dashboards) {
      const defined = dashboard.templating.list.map((v) => v.name);
      expect(defined).toEqual(expect.arrayContaining(['workspace', 'board', 'type']));
      for (const panel of dashboard.panels) {
        for (const { rawSql } of panel.targets) {
          for (const variable of variablesOf(rawSql)) expect(defined).toContain(variable);
          expect(variablesOf(rawSql)).toEqual(expect.arrayContaining(['workspace', 'board', 'type']));
          // Only the aging list is a present-state figure; every other panel follows the dashboard's dates.
          if (!/aging/i.test(panel.title)) expect(rawSql).toContain('$__timeFilter(');
        }
      }
    }
  });

  it('are loaded by a file provider pointing at the mounted dashboards folder', () => {
    expect(provider).toMatch(/apiVersion:\s*1/);
    expect(provider).toMatch(/type:\s*file/);
    expect(provider).toMatch(/path:\s*\/etc\/grafana\/provisioning\/dashboards\/flow/);
  });
});
