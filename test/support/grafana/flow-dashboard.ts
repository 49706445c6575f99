import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
export const PROVISIONING = join(ROOT, 'infra', 'grafana', 'provisioning');
const MIGRATIONS = join(ROOT, 'libs', 'clickhouse', 'src', 'migrations');

export interface Panel {
  readonly id: number;
  readonly title: string;
  readonly type: string;
  readonly datasource: { readonly uid: string };
  readonly targets: ReadonlyArray<{ readonly rawSql: string; readonly datasource: { readonly uid: string } }>;
}
export interface Variable {
  readonly name: string;
  readonly query: string;
  readonly multi: boolean;
}
export interface Dashboard {
  readonly uid: string;
  readonly title: string;
  readonly panels: readonly Panel[];
  readonly templating: { readonly list: readonly Variable[] };
}

/** Every provisioned flow dashboard (JSON files under dashboards/flow). */
export function flowDashboards(): Dashboard[] {
  const dir = join(PROVISIONING, 'dashboards', 'flow');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as Dashboard);
}

/** The views the ClickHouse migrations create (`CREATE VIEW IF NOT EXISTS {db}.<name>`). */
export function migratedViews(): string[] {
  return readdirSync(MIGRATIONS)
    .filter((name) => name.endsWith('.sql'))
    .flatMap((name) => [...readFileSync(join(MIGRATIONS, name), 'utf8').matchAll(/CREATE VIEW IF NOT EXISTS \{db\}\.(\w+)/g)].map((m) => m[1] as string));
}

/** The tables and views one query reads (identifiers after FROM / JOIN). */
export function relationsOf(sql: string): string[] {
  return [...sql.matchAll(/\b(?:FROM|JOIN)\s+([A-Za-z_][\w.]*)/gi)].map((m) => m[1] as string);
}

/** The dashboard variables a query uses (`${name}`, `${name:format}`, `$name`). */
export function variablesOf(sql: string): string[] {
  return [...sql.matchAll(/\$\{(\w+)(?::\w+)?\}|\$(?!__)(\w+)/g)].map((m) => (m[1] ?? m[2]) as string);
}

/**
 * A panel query as Grafana's ClickHouse plugin would send it: variables interpolated, the time
 * filter macro expanded, view names qualified with the database.
 */
export function interpolated(sql: string, values: { workspace: string; board: string[]; type: string[]; from: string; to: string; database: string }): string {
  const list = (items: string[]) => items.map((item) => `'${item.replaceAll("'", "\\'")}'`).join(', ');
  return sql
    .replaceAll('${workspace}', values.workspace)
    .replaceAll('${board:singlequote}', list(values.board))
    .replaceAll('${type:singlequote}', list(values.type))
    .replace(/\$__timeFilter\((\w+)\)/g, (_, column: string) => `${column} >= toDate('${values.from}') AND ${column} <= toDate('${values.to}')`)
    .replace(/\b(FROM|JOIN)\s+(flow_\w+)/g, (_, keyword: string, view: string) => `${keyword} \`${values.database}\`.\`${view}\``);
}
