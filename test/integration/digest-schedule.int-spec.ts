// The weekly digest schedule against the real PostgreSQL server, with two "processes" (each its own
// connection pool, store and scheduler) on one database: both find the digest due and render it at
// the same moment, and the conditional UPDATE on `last_sent_for` lets exactly one of them write the
// outbox rows; the next tick of the same week sends nothing; the next week sends once more. The
// content comes from a scripted renderer (the figures are tested through the API in
// test/e2e/digests.int-spec.ts); everything else is the production code.
import { ManualClock, type DigestMessage } from '@flowlens/alerting';
import { DigestScheduler, DigestStore, type DigestsOptions } from '@flowlens/feature-digests';
import { type DigestEntity, runPostgresMigrations, WorkspaceRepository } from '@flowlens/persistence';
import { DataSource } from 'typeorm';
import { openTestDataSource, type TestDataSource } from '../support/test-data-source';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Renders a fixed message; while `waitFor` > 0 each render waits until that many renders have begun. */
class ScriptedRenderer {
  waitFor = 0;
  private begun = 0;
  private release: () => void = () => undefined;
  private both = new Promise<void>((resolve) => (this.release = resolve));

  async render(digest: DigestEntity): Promise<{ message: DigestMessage }> {
    if (this.waitFor > 0 && ++this.begun >= this.waitFor) this.release();
    if (this.waitFor > 0) await this.both;
    return {
      message: { version: 1, status: 'digest', workspace: { id: digest.workspaceId, name: 'PMO' }, digest: { id: digest.id, name: digest.name, week: 'x' }, subject: 's', text: 't', html: '<p>h</p>', link: null },
    };
  }
}

/** The next Monday 00:00 UTC after `ms`. */
const nextMonday = (ms: number) => {
  const midnight = Math.floor(ms / DAY) * DAY;
  const isoWeekday = ((new Date(midnight).getUTCDay() + 6) % 7) + 1;
  return midnight + (8 - isoWeekday) * DAY;
};

describe('digest schedule: two processes on one PostgreSQL server', () => {
  let source: TestDataSource;
  let second: DataSource;
  let workspaceId = '';
  let channelId = '';
  // The Monday after next, 09:00 UTC: the Monday 08:00 slot has come; the digest was created before it.
  const monday = nextMonday(nextMonday(Date.now()));
  const clock = new ManualClock(monday + 9 * HOUR);
  const renderer = new ScriptedRenderer();
  const options: DigestsOptions = { publicUrl: undefined, tickMs: 60_000, clock };
  let a: { store: DigestStore; scheduler: DigestScheduler };
  let b: { store: DigestStore; scheduler: DigestScheduler };

  const process = (db: DataSource) => {
    const store = new DigestStore(db);
    return { store, scheduler: new DigestScheduler(store, renderer as never, options) };
  };
  const outbox = async (digestId: string) =>
    (await source.db.query(`SELECT channel_id, kind, body FROM alert_deliveries WHERE digest_id = $1 ORDER BY created_at, id`, [digestId])) as Array<{ channel_id: string; kind: string; body: DigestMessage }>;

  beforeAll(async () => {
    source = await openTestDataSource('pg');
    await runPostgresMigrations(source.db);
    second = new DataSource({ ...source.db.options });
    await second.initialize();
    workspaceId = (await new WorkspaceRepository(source.db).create({ name: 'PMO', timezone: 'UTC', firstKey: { name: 'k', prefix: 'digestschedule01', keyHash: 'c'.repeat(64), role: 'admin' } })).id;
    const [row] = (await source.db.query(`INSERT INTO alert_channels (workspace_id, type, name) VALUES ($1, 'log', 'log') RETURNING id`, [workspaceId])) as Array<{ id: string }>;
    channelId = (row as { id: string }).id;
    a = process(source.db);
    b = process(second);
  });

  afterAll(async () => {
    await second.destroy();
    await source.close();
  });

  it('sends once per week although both processes find the digest due at the same moment', async () => {
    const digest = await a.store.create(workspaceId, { name: 'Weekly', portfolioId: null, channelIds: [channelId], weekday: 1, hour: 8 });
    clock.set(monday + 7 * HOUR + 59 * 60_000);
    expect(await Promise.all([a.scheduler.tick(), b.scheduler.tick()])).toEqual([0, 0]);
    expect(await outbox(digest.id)).toEqual([]);

    clock.set(monday + 9 * HOUR);
    renderer.waitFor = 2;
    const sent = await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
    renderer.waitFor = 0;
    expect(sent.sort()).toEqual([0, 1]);
    const rows = await outbox(digest.id);
    expect(rows).toMatchObject([{ channel_id: channelId, kind: 'digest', body: { status: 'digest', digest: { id: digest.id } } }]);
    expect((await a.store.find(workspaceId, digest.id))?.lastSentFor).toBe(new Date(monday).toISOString().slice(0, 10));

    // Later ticks of the same week, in either process, send nothing.
    clock.set(monday + 3 * DAY);
    expect(await Promise.all([a.scheduler.tick(), b.scheduler.tick()])).toEqual([0, 0]);
    expect(await outbox(digest.id)).toHaveLength(1);

    // The next week's slot sends once more.
    clock.set(monday + 7 * DAY + 8 * HOUR);
    expect((await Promise.all([b.scheduler.tick(), a.scheduler.tick()])).reduce((x, y) => x + y, 0)).toBe(1);
    expect(await outbox(digest.id)).toHaveLength(2);
  });

  it('claims a week once when the store is called concurrently many times, and never for a deleted digest', async () => {
    const digest = await a.store.create(workspaceId, { name: 'Race', portfolioId: null, channelIds: [channelId], weekday: 3, hour: 0 });
    const { message } = await renderer.render(digest);
    const week = { sendDate: '2030-01-09', monday: '2030-01-07' };
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? a : b).store.sendScheduled(digest, week, [channelId], message)));
    expect(answers.filter((x) => x !== null)).toHaveLength(1);
    expect(await outbox(digest.id)).toHaveLength(1);

    await a.store.delete(workspaceId, digest.id);
    expect(await b.store.sendScheduled(digest, { sendDate: '2030-01-16', monday: '2030-01-14' }, [channelId], message)).toBeNull();
    expect(await outbox(digest.id)).toHaveLength(1);
  });
});
