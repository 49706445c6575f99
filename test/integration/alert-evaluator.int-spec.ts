// The alert evaluator against the real PostgreSQL server, with two "processes" (each its own
// connection pool, stores, evaluator and scheduler) on one database: the advisory lock lets one
// cycle run at a time, the rule-row lock makes concurrent evaluations of one rule notify once, and
// the instance changes and outbox rows commit together. The figures come from a scripted observer
// (the figure side is tested against chDB elsewhere); everything else is the production code.
import type { AlertObserver, AlertRule, Observation } from '@flowlens/alerting';
import { AlertEvaluationService, AlertEvaluator, AlertInstanceStore, AlertRuleStore, AlertScheduler, type AlertingOptions } from '@flowlens/feature-alerting';
import { runPostgresMigrations, WorkspaceRepository } from '@flowlens/persistence';
import { DataSource } from 'typeorm';
import { openTestDataSource, type TestDataSource } from '../support/test-data-source';

const OPTIONS: AlertingOptions = { intervalMs: 60_000, publicUrl: 'https://flowlens.example.com' };

/** Observes WIP `value` on board PMO for every wip-limit rule; `gate` holds a cycle open until released. */
class ScriptedObserver implements AlertObserver {
  value = 5;
  gate: Promise<void> | null = null;
  entered: () => void = () => undefined;
  async observe(rule: AlertRule): Promise<Observation[]> {
    if (this.gate) {
      this.entered();
      await this.gate;
    }
    const limit = rule.kind === 'wip-limit' ? rule.params.limit : 0;
    return [{ subject: { type: 'board', id: 'PMO' }, holds: this.value > limit, value: this.value, threshold: limit }];
  }
}

function alertingProcess(db: DataSource, observer: AlertObserver) {
  const rules = new AlertRuleStore(db);
  const instances = new AlertInstanceStore(db);
  const evaluator = new AlertEvaluator(db, instances, OPTIONS);
  const evaluation = new AlertEvaluationService(observer, evaluator, rules, new WorkspaceRepository(db));
  return { rules, instances, evaluator, evaluation, scheduler: new AlertScheduler(OPTIONS, evaluation, db) };
}

describe('alert evaluator: two processes on one PostgreSQL server', () => {
  let source: TestDataSource;
  let second: DataSource;
  let workspaceId = '';
  let channelIds: string[] = [];
  const observer = new ScriptedObserver();
  let a: ReturnType<typeof alertingProcess>;
  let b: ReturnType<typeof alertingProcess>;

  const outbox = async (ruleId: string) =>
    (await source.db.query(`SELECT channel_id, body FROM alert_deliveries WHERE rule_id = $1 ORDER BY created_at, id`, [ruleId])) as Array<{ channel_id: string; body: { status: string; alerts: Array<{ state: string; value: number }> } }>;
  const newRule = (limit: number, extra: Partial<AlertRule> = {}) =>
    a.rules.create(workspaceId, { name: `WIP over ${limit}`, kind: 'wip-limit', scope: { boardId: 'PMO' }, params: { limit }, severity: 'warning', channelIds, forMinutes: 0, repeatHours: 24, notifyResolved: true, enabled: true, ...extra } as never);

  beforeAll(async () => {
    source = await openTestDataSource('pg');
    await runPostgresMigrations(source.db);
    second = new DataSource({ ...source.db.options });
    await second.initialize();
    workspaceId = (await new WorkspaceRepository(source.db).create({ name: 'PMO', timezone: 'UTC', firstKey: { name: 'k', prefix: 'evaluatortest001', keyHash: 'b'.repeat(64), role: 'admin' } })).id;
    channelIds = [];
    for (const name of ['log one', 'log two']) {
      const [row] = (await source.db.query(`INSERT INTO alert_channels (workspace_id, type, name) VALUES ($1, 'log', $2) RETURNING id`, [workspaceId, name])) as Array<{ id: string }>;
      channelIds.push((row as { id: string }).id);
    }
    a = alertingProcess(source.db, observer);
    b = alertingProcess(second, observer);
  });

  afterAll(async () => {
    await second.destroy();
    await source.close();
  });

  afterEach(async () => {
    observer.value = 5;
    observer.gate = null;
    await source.db.query(`UPDATE alert_rules SET deleted_at = now()`);
  });

  it('runs one cycle at a time: a second process skips the tick while the first holds the lock', async () => {
    const rule = await newRule(2);
    let release: () => void = () => undefined;
    observer.gate = new Promise<void>((resolve) => (release = resolve));
    const entered = new Promise<void>((resolve) => (observer.entered = resolve));
    const first = a.scheduler.runOnce();
    await entered;
    expect(await b.scheduler.runOnce()).toBeNull();
    release();
    expect(await first).toMatchObject({ rules: 1, failed: 0, notifications: 2 });
    observer.gate = null;
    // With the lock free, the other process runs the next cycle; it finds the alert already notified.
    expect(await b.scheduler.runOnce()).toMatchObject({ rules: 1, notifications: 0 });
    expect((await outbox(rule.id)).map((d) => d.body.status)).toEqual(['firing', 'firing']);
  });

  it('notifies once per channel however the two processes interleave their cycles, firing then resolving', async () => {
    const rule = await newRule(2);
    for (let round = 0; round < 12; round++) {
      observer.value = round < 6 ? 5 : 1;
      await Promise.all([a.scheduler.runOnce(), b.scheduler.runOnce()]);
    }
    const rows = await outbox(rule.id);
    expect(rows.map((d) => d.body.status)).toEqual(['firing', 'firing', 'resolved', 'resolved']);
    expect(new Set(rows.slice(0, 2).map((d) => d.channel_id))).toEqual(new Set(channelIds));
    expect(rows[2]?.body.alerts).toMatchObject([{ state: 'resolved', value: 1 }]);
  });

  it('lets concurrent evaluations of one rule (the schedule and an evaluate call) notify once: the rule row serialises them', async () => {
    const rule = await newRule(2);
    const observations: Observation[] = [{ subject: { type: 'board', id: 'PMO' }, holds: true, value: 5, threshold: 2 }];
    const now = Date.now();
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).evaluator.apply(rule, { id: workspaceId, name: 'PMO' }, observations, now + i)),
    );
    expect(outcomes.reduce((n, o) => n + o.deliveries, 0)).toBe(2);
    expect(outcomes.every((o) => o.instances.length === 1 && o.instances[0]?.state === 'firing')).toBe(true);
    const open = (await source.db.query(`SELECT count(*)::int AS n FROM alert_instances WHERE rule_id = $1 AND state <> 'resolved'`, [rule.id])) as Array<{ n: number }>;
    expect(open[0]?.n).toBe(1);
  });

  it('writes nothing for a disabled or deleted rule, and keeps a pending instance silent until forMinutes pass', async () => {
    const disabled = await newRule(2, { enabled: false });
    expect((await a.evaluation.evaluate(disabled)).instances).toMatchObject([{ state: 'firing' }]);
    expect(await outbox(disabled.id)).toEqual([]);
    expect(await a.instances.list(workspaceId, { ruleId: disabled.id, limit: 10 })).toEqual([]);

    const slow = await newRule(2, { forMinutes: 0.05 });
    const start = Date.now();
    const observations: Observation[] = [{ subject: { type: 'board', id: 'PMO' }, holds: true, value: 5, threshold: 2 }];
    const workspace = { id: workspaceId, name: 'PMO' };
    expect((await a.evaluator.apply(slow, workspace, observations, start)).instances).toMatchObject([{ state: 'pending' }]);
    expect((await a.evaluator.apply(slow, workspace, observations, start + 2_000)).instances).toMatchObject([{ state: 'pending' }]);
    expect(await outbox(slow.id)).toEqual([]);
    expect((await a.evaluator.apply(slow, workspace, observations, start + 3_000)).instances).toMatchObject([{ state: 'firing' }]);
    expect(await outbox(slow.id)).toHaveLength(2);

    await a.rules.delete(workspaceId, slow.id);
    expect(await a.evaluator.apply(slow, workspace, [], start + 4_000)).toEqual({ instances: [], deliveries: 0 });
    expect(await outbox(slow.id)).toHaveLength(2);
    expect((await a.instances.list(workspaceId, { ruleId: slow.id, limit: 10 })).map((i) => i.state)).toEqual(['resolved']);
  });
});
