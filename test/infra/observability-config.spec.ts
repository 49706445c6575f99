// The compose shape's Prometheus and Grafana files agree with each other, with the apps and with
// the metrics the code registers: a renamed metric or port breaks this test, not a dashboard.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { flowlensMetrics } from '@flowlens/platform';
import { repoRoot } from '@flowlens/testing';

const root = repoRoot();
const yamlFile = <T>(path: string): T => parse(readFileSync(join(root, path), 'utf8')) as T;

interface Service {
  readonly image?: string;
  readonly environment?: Record<string, unknown>;
  readonly volumes?: string[];
}
const compose = yamlFile<{ services: Record<string, Service> }>('docker-compose.yml');
const prometheus = yamlFile<{ scrape_configs: Array<{ metrics_path: string; static_configs: Array<{ targets: string[] }> }> }>('infra/prometheus/prometheus.yml');
const datasources = yamlFile<{ datasources: Array<{ uid?: string; type: string; url?: string }> }>('infra/grafana/provisioning/datasources/prometheus.yml');
const dashboardDir = 'infra/grafana/provisioning/dashboards/operations';
const dashboard = JSON.parse(readFileSync(join(root, dashboardDir, 'flowlens-operations.json'), 'utf8')) as {
  panels: Array<{ title: string; datasource: { uid: string }; targets: Array<{ expr: string }> }>;
};

describe('Prometheus and Grafana in the compose shape', () => {
  it('scrapes /metrics on every app service at the port it listens on', () => {
    const targets = prometheus.scrape_configs.flatMap((c) => c.static_configs.flatMap((s) => s.targets));
    expect(prometheus.scrape_configs.every((c) => c.metrics_path === '/metrics')).toBe(true);
    const apps = Object.entries(compose.services).filter(([, s]) => s.environment && 'PORT' in s.environment);
    expect(targets.sort()).toEqual(apps.map(([name, s]) => `${name}:${String(s.environment?.['PORT'])}`).sort());
  });

  it('mounts the Prometheus config and Grafana provisioning that exist in the repository', () => {
    expect(compose.services['prometheus']?.volumes).toContain('./infra/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro');
    expect(compose.services['grafana']?.volumes).toContain('./infra/grafana/provisioning:/etc/grafana/provisioning:ro');
    expect(datasources.datasources).toEqual([expect.objectContaining({ type: 'prometheus', url: 'http://prometheus:9090' })]);
    expect(readdirSync(join(root, dashboardDir))).toContain('flowlens-operations.json');
  });

  it('charts only metrics the apps register, through the provisioned datasource', async () => {
    const registered = new Set((await flowlensMetrics.registry.getMetricsAsJSON()).map((m) => m.name));
    const uid = datasources.datasources[0]?.uid;
    const used = new Set<string>();
    for (const panel of dashboard.panels) {
      expect([panel.title, panel.datasource.uid]).toEqual([panel.title, uid]);
      for (const target of panel.targets) for (const name of target.expr.match(/\b(?:flowlens|nodejs|process)_[a-z0-9_]+/g) ?? []) used.add(name);
    }
    const base = (name: string) => (registered.has(name) ? name : name.replace(/_(bucket|sum|count)$/, ''));
    expect([...used].filter((name) => !registered.has(base(name)))).toEqual([]);
    // Every Flowlens figure has at least one panel.
    expect([...registered].filter((name) => name.startsWith('flowlens_') && ![...used].some((u) => base(u) === name))).toEqual([]);
  });
});
