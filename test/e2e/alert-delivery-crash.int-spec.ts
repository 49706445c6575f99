// SIGKILL of the alerting process (the real app, a child process) while deliveries are being
// retried: after a restart every delivery arrives, none is lost, and none confirmed sent before the
// kill is sent again (Idempotency-Keys counted at the receiver).
import { AlertChannelStore, DeliveryOutboxStore } from '@flowlens/feature-alert-delivery';
import { createDataSourceOptions, runPostgresMigrations, SecretCipher, WorkspaceRepository } from '@flowlens/persistence';
import { AppProcess, createTestDatabase, eventually } from '@flowlens/testing';
import { DataSource } from 'typeorm';
import { HttpReceiver } from '../support/alerting/alert-receivers';

const SECRET_KEY = 'alert-crash-test-secret-key';
const ROWS = 40;

describe('alert delivery survives SIGKILL of the alerting process', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: DataSource;
  let app: AppProcess | null = null;
  // Every delivery is refused twice (503), then accepted.
  const receiver = new HttpReceiver((_path, previous) => (previous < 2 ? 503 : 200));

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new DataSource(createDataSourceOptions({ url: database.url, dataDir: '', poolSize: 2, migrateOnStart: true }));
    await db.initialize();
    await runPostgresMigrations(db);
    await receiver.start();
  });

  afterAll(async () => {
    await app?.stop('SIGKILL');
    await receiver.stop();
    await db.destroy();
    await database.drop();
  });

  it('resends what was not confirmed and never what was', async () => {
    const workspaceId = (await new WorkspaceRepository(db).create({ name: 'Crash', timezone: 'UTC', firstKey: { name: 'k', prefix: 'crashtest0000001', keyHash: 'c'.repeat(64), role: 'admin' } })).id;
    const channel = await new AlertChannelStore(db, new SecretCipher(SECRET_KEY)).create(workspaceId, { type: 'webhook', name: 'hook', url: `${receiver.url}/crash`, recipients: [], secret: 'crash-signing-secret' });
    const outbox = new DeliveryOutboxStore(db);
    const ids = new Set<string>();
    for (let i = 0; i < ROWS; i++) {
      const id = await outbox.enqueue({ workspaceId, channelId: channel.id, kind: 'test', body: { version: 1, status: 'test', n: i } });
      // Spread the first tries over six seconds, so the kill finds rows at every stage.
      await db.query(`UPDATE alert_deliveries SET next_attempt_at = now() + make_interval(secs => $2::double precision) WHERE id = $1`, [id, 1 + i * 0.15]);
      ids.add(id);
    }

    app = await AppProcess.start('alerting', {
      DATABASE_URL: database.url,
      FLOWLENS_SECRET_KEY: SECRET_KEY,
      ALERT_RETRY_BASE_MS: '400',
      ALERT_DISPATCH_POLL_MS: '50',
      ALERT_DISPATCH_LEASE_MS: '15000',
      LOG_LEVEL: 'warn',
    });
    const accepted = () => receiver.requests.filter((r) => r.status === 200);
    await eventually(async () => accepted().length, (n) => n >= 5, { timeoutMs: 60_000, what: 'some deliveries accepted before the kill' });
    await app.stop('SIGKILL');

    const sentBeforeKill = new Set((await outbox.list(workspaceId, { status: 'sent', limit: 500 })).map((r) => r.id));
    const seenBeforeKill = receiver.requests.length;
    expect(sentBeforeKill.size).toBeLessThan(ROWS);

    await app.restart();
    await eventually(() => outbox.list(workspaceId, { status: 'sent', limit: 500 }), (rows) => rows.length === ROWS, { timeoutMs: 90_000, what: `all ${ROWS} deliveries sent after the restart` });

    const afterKill = receiver.requests.slice(seenBeforeKill).map((r) => String(r.headers['idempotency-key']));
    // Nothing confirmed sent before the kill went out again.
    expect(afterKill.filter((key) => sentBeforeKill.has(key))).toEqual([]);
    // Nothing lost: every delivery was accepted by the receiver, and only the outbox's keys arrived.
    const acceptedKeys = accepted().map((r) => String(r.headers['idempotency-key']));
    expect(new Set(acceptedKeys)).toEqual(ids);
    // A key accepted twice can only be one in flight at the kill (accepted, not yet recorded).
    const twice = acceptedKeys.filter((key, i) => acceptedKeys.indexOf(key) !== i);
    expect(twice.every((key) => !sentBeforeKill.has(key))).toBe(true);
    expect(twice.length).toBeLessThanOrEqual(16);
    // Every row was tried three times or more (twice refused, then accepted); none failed.
    expect((await outbox.list(workspaceId, { limit: 500 })).every((r) => r.status === 'sent' && r.attempts >= 3)).toBe(true);
  });
});
