// npm run bench:alerts — one evaluation cycle of many alert rules over the bench:query portfolio
// (--items, default 1,000,000, over --boards, default 200, with their teams and portfolios), run
// in-process by the production alerting modules (persistence, ClickHouse, AlertingModule with
// AlertFiguresModule: the scheduler's cycle under its advisory lock). --rules (default 1,000) rules
// of every kind are created through the rules API with one `log` channel; the first cycle (cold:
// nothing evaluated yet) and a second one (warm) are timed against the 60 s target, then each
// kind's rules alone (figures only). BENCH_REUSE=<dir> evaluates a portfolio kept with BENCH_KEEP=1
// (by this benchmark or bench:query) without reloading it; BENCH_PROFILE_DIR=<dir> keeps a CPU
// profile of the cold cycle there.
import 'reflect-metadata';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DynamicModule, type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { ALERT_KINDS, type AlertKind, type AlertRuleInput } from '@flowlens/alerting';
import { ClickHouseModule } from '@flowlens/clickhouse';
import { AlertFiguresModule, FigureAlertObserver } from '@flowlens/feature-alert-figures';
import { AlertEvaluationService, AlertingModule, type AlertingOptions, AlertRuleStore, AlertScheduler } from '@flowlens/feature-alerting';
import { mulberry32 } from '@flowlens/metrics';
import { PersistenceModule } from '@flowlens/persistence';
import { HealthModule } from '@flowlens/platform';
import { ApiClient, AppProcess } from '@flowlens/testing';
import { report } from './bench-report';
import { type BoardPlan, boardPlans } from './portfolio.generator';
import { benchEnv, keepLoaded, loadPortfolio, organisation, readLoaded, timed } from './portfolio.loader';

/** `--name value` on the command line, else BENCH_<NAME>, else the default. */
function setting(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const raw = at >= 0 ? process.argv[at + 1] : process.env[`BENCH_${name.toUpperCase()}`];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number (got ${raw})`);
  return value;
}

const ITEMS = setting('items', 1_000_000);
const BOARDS = setting('boards', 200);
const RULES = setting('rules', 1000);
/** As bench:query at its default size: 5 boards a team, 8 teams a portfolio. */
const TEAMS = setting('teams', Math.max(1, Math.round(BOARDS / 5)));
const PORTFOLIOS = setting('portfolios', Math.max(1, Math.round(TEAMS / 8)));
const DAYS = 730;
const TARGET_MS = 60_000;
const RULE_NAME = 'bench rule';

/** Shares of the rules by kind (forecast-slip runs Monte Carlo per release and epic: fewer). */
const MIX: ReadonlyArray<[string, number]> = [
  ['wip-limit', 0.1],
  ['wip-limit (stage)', 0.1],
  ['threshold', 0.35],
  ['change', 0.15],
  ['process-limits', 0.1],
  ['sle-breach', 0.1],
  ['forecast-slip', 0.05],
  ['data-quality', 0.05],
];
const THRESHOLD_METRICS = ['cycle-time.p85', 'throughput', 'wip', 'flow-efficiency', 'blocked-share', 'net-flow'] as const;
const CHANGE_METRICS = ['cycle-time.p85', 'throughput', 'wip', 'flow-efficiency', 'net-flow'] as const;

interface Scope {
  readonly scope: AlertRuleInput['scope'];
  /** Boards under the scope (a team has its boards, a portfolio its teams' boards). */
  readonly boards: number;
  readonly stage: string;
}

/**
 * RULES rules, deterministic: kinds by MIX, scopes 80% boards, 15% teams, 5% portfolios, limits
 * and thresholds drawn around the figures a board of this portfolio has, so some fire and most do not.
 */
function ruleInputs(plans: readonly BoardPlan[], teamIds: readonly string[], portfolioIds: readonly string[], channelId: string): AlertRuleInput[] {
  const random = mulberry32(14);
  const kinds = MIX.flatMap(([kind, share]) => Array.from({ length: Math.round(share * RULES) }, () => kind));
  while (kinds.length < RULES) kinds.push('threshold');
  kinds.length = RULES;
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [kinds[i], kinds[j]] = [kinds[j] as string, kinds[i] as string];
  }
  const perTeam = Math.max(1, Math.floor(plans.length / teamIds.length));
  const scopeOf = (i: number): Scope => {
    const r = random();
    if (r < 0.15 && teamIds.length) return { scope: { teamId: teamIds[i % teamIds.length] as string }, boards: perTeam, stage: 'In Progress' };
    if (r < 0.2 && portfolioIds.length) return { scope: { portfolioId: portfolioIds[i % portfolioIds.length] as string }, boards: Math.max(1, Math.floor(teamIds.length / portfolioIds.length)) * perTeam, stage: 'In Progress' };
    const plan = plans[i % plans.length] as BoardPlan;
    return { scope: { boardId: plan.boardId }, boards: 1, stage: plan.source === 'trello' ? 'Doing' : 'In Progress' };
  };
  // A board of this portfolio: ITEMS / BOARDS items over DAYS days, ~7% of them in progress now.
  const perBoard = ITEMS / BOARDS;
  const around = (base: number) => Math.round(base * (0.5 + random()) * 100) / 100;
  return kinds.map((label, i): AlertRuleInput => {
    const { scope, boards, stage } = scopeOf(i);
    const common = { name: `${RULE_NAME} ${i} (${label})`, scope, severity: (['info', 'warning', 'critical'] as const)[i % 3] as 'warning', channelIds: [channelId], forMinutes: i % 10 === 0 ? 30 : 0, repeatHours: 24, notifyResolved: true, enabled: true };
    const wip = Math.max(1, Math.round(perBoard * 0.07 * boards));
    const throughput28 = (perBoard / DAYS) * 28 * 0.85 * boards;
    switch (label) {
      case 'wip-limit':
        return { ...common, kind: 'wip-limit', params: { limit: Math.round(around(wip)) } };
      case 'wip-limit (stage)':
        return { ...common, kind: 'wip-limit', params: { limit: Math.round(around(wip / 3)), stage } };
      case 'threshold': {
        const metric = THRESHOLD_METRICS[i % THRESHOLD_METRICS.length] as (typeof THRESHOLD_METRICS)[number];
        const [op, value] = (
          {
            'cycle-time.p85': ['>', around(20)],
            throughput: ['<', around(throughput28)],
            wip: ['>', around(wip)],
            'flow-efficiency': ['<', around(0.4)],
            'blocked-share': ['>', around(0.15)],
            'net-flow': ['>', around(Math.max(2, throughput28 / 10))],
          } as const
        )[metric];
        return { ...common, kind: 'threshold', params: { metric, op, value, windowDays: [28, 14, 90][i % 3] as number } };
      }
      case 'change':
        return { ...common, kind: 'change', params: { metric: CHANGE_METRICS[i % CHANGE_METRICS.length] as 'wip', direction: i % 2 ? 'up' : 'down', pct: [20, 30, 50][i % 3] as number, windowDays: 28, baselineWeeks: [4, 8][i % 2] as number } };
      case 'process-limits':
        return { ...common, kind: 'process-limits', params: { metric: i % 2 ? 'throughput' : 'cycle-time.p85', baselineWeeks: [12, 26][i % 2] as number } };
      case 'sle-breach':
        return { ...common, kind: 'sle-breach', params: { percentile: [85, 95][i % 2] as number } };
      case 'forecast-slip':
        return { ...common, kind: 'forecast-slip', params: { minProbability: [0.7, 0.5][i % 2] as number } };
      default:
        return { ...common, kind: 'data-quality', params: {} };
    }
  });
}

/** One `log` channel and the rules, through the API (validated, scopes checked as for any client); earlier bench rules are deleted. */
async function createRules(client: ApiClient, plans: readonly BoardPlan[], teamIds: readonly string[], portfolioIds: readonly string[]): Promise<void> {
  const channels = await client.get<{ items: Array<{ id: string; name: string }> }>('/api/v1/alert-channels');
  let channelId = channels.body.items.find((c) => c.name === 'bench log')?.id;
  if (!channelId) {
    const created = await client.post<{ id: string }>('/api/v1/alert-channels', { type: 'log', name: 'bench log' });
    if (created.status !== 201) throw new Error(`channel: ${created.status} ${JSON.stringify(created.body)}`);
    channelId = created.body.id;
  }
  const existing = await client.get<{ items: Array<{ id: string; name: string }> }>('/api/v1/alert-rules');
  for (const rule of existing.body.items.filter((r) => r.name.startsWith(RULE_NAME))) await client.request('DELETE', `/api/v1/alert-rules/${rule.id}`);
  for (const input of ruleInputs(plans, teamIds, portfolioIds, channelId)) {
    const created = await client.post('/api/v1/alert-rules', input);
    if (created.status !== 201) throw new Error(`rule ${input.name}: ${created.status} ${JSON.stringify(created.body)}`);
  }
}

const ALERTING: AlertingOptions = { intervalMs: 60_000, publicUrl: 'http://localhost:3000' };

@Module({})
class AlertBenchModule {
  /** The alerting service's composition (apps/alerting) over the standalone data dir: embedded PGlite and chDB. */
  static register(dataDir: string, secretKey: string): DynamicModule {
    return {
      module: AlertBenchModule,
      imports: [
        HealthModule,
        PersistenceModule.forRoot({ dataDir, poolSize: 10, migrateOnStart: false, secretKey }),
        ClickHouseModule.forRoot({ user: 'default', password: '', database: 'flowlens', dataDir, migrateOnStart: false }),
        // No scheduled ticks: the benchmark runs each cycle itself, through a scheduler of its own.
        AlertingModule.forRoot({ ...ALERTING, api: false, schedule: false, observer: AlertFiguresModule }),
      ],
    };
  }
}

interface CycleFigures {
  readonly ms: number;
  readonly rules: number;
  readonly failed: number;
  readonly figures: number;
  readonly notifications: number;
  readonly firing: number;
  readonly pending: number;
}

/** One cycle as the alerting service runs it: the scheduler's, under the evaluator's advisory lock. */
async function cycle(context: INestApplicationContext, ruleIds: readonly string[]): Promise<CycleFigures> {
  const scheduler = new AlertScheduler(ALERTING, context.get(AlertEvaluationService), context.get(DataSource));
  const [ms, outcome] = await timed(() => scheduler.runOnce());
  if (!outcome) throw new Error('another process holds the alert evaluator lock');
  const states = (await context.get(DataSource).query(`SELECT state, count(*)::int AS n FROM alert_instances WHERE rule_id = ANY($1::uuid[]) AND state <> 'resolved' GROUP BY state`, [[...ruleIds]])) as Array<{ state: string; n: number }>;
  const count = (state: string) => states.find((s) => s.state === state)?.n ?? 0;
  return { ms, rules: outcome.rules, failed: outcome.failed, figures: context.get(FigureAlertObserver).lastComputed, notifications: outcome.notifications, firing: count('firing'), pending: count('pending') };
}

/** With BENCH_PROFILE_DIR, a V8 CPU profile of `fn` (the cold cycle) into that directory. */
async function profiled<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const dir = process.env.BENCH_PROFILE_DIR;
  if (!dir) return fn();
  const session = new Session();
  session.connect();
  const post = (method: string) => new Promise<unknown>((resolve, reject) => session.post(method, (error, result) => (error ? reject(error) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = (await post('Profiler.stop')) as { profile: object };
    writeFileSync(join(dir, `alerts-${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

async function main(): Promise<void> {
  const reuse = process.env.BENCH_REUSE;
  const dataDir = reuse ?? mkdtempSync(join(tmpdir(), 'flowlens-bench-alerts-'));
  const env = benchEnv(dataDir);
  const loaded = reuse ? readLoaded(dataDir) : await loadPortfolio({ dataDir, env, items: ITEMS, boards: BOARDS, days: DAYS, now: Date.now() });
  if (process.env.BENCH_KEEP) {
    keepLoaded(dataDir, loaded);
    process.stderr.write(`kept in ${dataDir} (BENCH_REUSE=${dataDir} evaluates it again)\n`);
  }
  process.stderr.write(`${reuse ? 'reusing' : 'loaded'} ${loaded.events.toLocaleString('en-US')} events for ${ITEMS.toLocaleString('en-US')} items${reuse ? '' : ` in ${(loaded.loadMs / 1000).toFixed(0)} s`}\n`);

  const plans = boardPlans(BOARDS);
  const api = await AppProcess.start('standalone', env);
  await api.waitReady();
  const client = new ApiClient(api.url, loaded.apiKey);
  const { teamIds, portfolioIds } = await organisation(client, plans.map((p) => p.boardId), TEAMS, PORTFOLIOS);
  const [setupMs] = await timed(() => createRules(client, plans, teamIds, portfolioIds));
  await api.stop('SIGTERM');
  process.stderr.write(`${RULES} rules over ${BOARDS} boards, ${teamIds.length} teams, ${portfolioIds.length} portfolios created in ${(setupMs / 1000).toFixed(1)} s\n`);

  const secretKey = readFileSync(join(dataDir, 'secret.key'), 'utf8').trim();
  const context = await NestFactory.createApplicationContext(AlertBenchModule.register(dataDir, secretKey), { logger: ['error', 'warn'] });
  const rules = (await context.get(AlertRuleStore).listEnabled()).filter((r) => r.workspaceId === loaded.workspaceId && r.name.startsWith(RULE_NAME));
  const ruleIds = rules.map((r) => r.id);
  const cold = await profiled('cold-cycle', () => cycle(context, ruleIds));
  process.stderr.write(`  cold cycle: ${(cold.ms / 1000).toFixed(1)} s\n`);
  const warm = await cycle(context, ruleIds);
  process.stderr.write(`  warm cycle: ${(warm.ms / 1000).toFixed(1)} s\n`);

  // Figures only (no instances written): every rule, then each kind's rules alone in a figure cycle of
  // their own (no sharing with other kinds); the caches under the cycle are warm by now.
  const perKind: Record<string, { rules: number; figures: number; ms: number }> = {};
  if (process.env.BENCH_PER_KIND !== '0') {
    const observer = context.get(FigureAlertObserver);
    for (const kind of ['all', ...ALERT_KINDS] as ReadonlyArray<AlertKind | 'all'>) {
      const ofKind = rules.filter((r) => kind === 'all' || r.kind === kind);
      if (!ofKind.length) continue;
      const [ms] = await timed(() => observer.observeAll(ofKind, Date.now(), { live: true }));
      perKind[kind] = { rules: ofKind.length, figures: observer.lastComputed, ms: Math.round(ms) };
      process.stderr.write(`  ${kind}: ${ofKind.length} rules, ${observer.lastComputed} figures, ${Math.round(ms)} ms\n`);
    }
  }
  const deliveries = (await context.get(DataSource).query(`SELECT count(*)::int AS n FROM alert_deliveries WHERE rule_id = ANY($1::uuid[])`, [ruleIds])) as Array<{ n: number }>;
  await context.close();

  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const rows: Array<[string, string | number]> = [
    ['items / events / boards / teams / portfolios', `${ITEMS.toLocaleString('en-US')} / ${loaded.events.toLocaleString('en-US')} / ${BOARDS} / ${teamIds.length} / ${portfolioIds.length}`],
    ['rules (evaluated / failed)', `${cold.rules} / ${cold.failed}`],
    ...(['cold', 'warm'] as const).flatMap((name): Array<[string, string | number]> => {
      const c = name === 'cold' ? cold : warm;
      return [
        [`${name} cycle`, `${seconds(c.ms)} (${(c.ms / TARGET_MS).toFixed(2)} of the 60 s target)`],
        [`  distinct figures computed`, c.figures],
        [`  instances firing / pending`, `${c.firing} / ${c.pending}`],
        [`  notifications written`, c.notifications],
      ];
    }),
    ['outbox rows in all', deliveries[0]?.n ?? 0],
    ...Object.entries(perKind).map(([kind, k]): [string, string] => [`figures only, ${kind === 'all' ? 'all rules' : `${kind} alone`} (${k.rules} rules, ${k.figures} figures)`, `${seconds(k.ms)}`]),
  ];
  report('alerts', rows, { items: ITEMS, events: loaded.events, boards: BOARDS, teams: teamIds.length, portfolios: portfolioIds.length, rules: RULES, targetMs: TARGET_MS, cold, warm, perKind });
  if (!process.env.BENCH_KEEP && !reuse) rmSync(dataDir, { recursive: true, force: true });
}

void main().catch((error: Error) => {
  console.error(`bench:alerts failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
