import type { DataSource } from 'typeorm';
import {
  ConnectorCache,
  ConnectorRepository,
  DeadLetterRepository,
  ImportJobRepository,
  type NewDeadLetter,
  runPostgresMigrations,
  SecretCipher,
  WorkspaceRepository,
} from '@flowlens/persistence';
import { openTestDataSource, type TestDatabaseKind, type TestDataSource } from '../support/test-data-source';

const key = (prefix: string) => ({ name: 'default', prefix, keyHash: 'b'.repeat(64), role: 'admin' as const });

describe.each<[string, TestDatabaseKind]>([
  ['PostgreSQL server', 'pg'],
  ['PGlite', 'pglite'],
])('dead letters and import jobs on %s', (_name, kind) => {
  let source: TestDataSource;
  let db: DataSource;
  let letters: DeadLetterRepository;
  let jobs: ImportJobRepository;
  let workspaceId: string;
  let connectorId: string;

  beforeAll(async () => {
    source = await openTestDataSource(kind);
    db = source.db;
    await runPostgresMigrations(db);
    letters = new DeadLetterRepository(db);
    jobs = new ImportJobRepository(db);
    workspaceId = (await new WorkspaceRepository(db).create({ name: 'Ops', timezone: 'UTC', firstKey: key(`ops${kind}00000000`.slice(0, 16)) })).id;
    const connectors = new ConnectorRepository(db, new SecretCipher('k'), new ConnectorCache());
    connectorId = (await connectors.create({ workspaceId, type: 'jira', name: 'Jira', secret: 's3cret-value', tokenHash: 'c'.repeat(64), callbackUrl: null, settings: {} })).id;
  });

  afterAll(async () => {
    await source.close();
  });

  const letter = (deliveryId: string, receivedAt: string, reason = 'story points value is not a number'): NewDeadLetter => ({
    workspaceId,
    deliveryId,
    connectorId,
    source: 'jira',
    reason,
    body: '{"webhookEvent":"jira:issue_created"}',
    headers: { 'content-type': 'application/json' },
    receivedAt,
  });

  it('records a dead letter once per delivery: a repeated failure counts an attempt and reopens it', async () => {
    await letters.record(letter('d-1', '2024-01-15T10:00:00.000Z'));
    await letters.discard(workspaceId, 'd-1');
    await letters.record(letter('d-1', '2024-01-15T10:00:00.000Z', 'the newest reason'));
    expect(await letters.find(workspaceId, 'd-1')).toMatchObject({ status: 'open', attempts: 2, reason: 'the newest reason', resolvedAt: null, headers: { 'content-type': 'application/json' } });
    expect(await letters.find('00000000-0000-4000-8000-000000000000', 'd-1')).toBeNull();
  });

  it('lists newest first with a keyset position that never repeats or skips a row, ties included', async () => {
    await letters.record(letter('d-2', '2024-01-16T10:00:00.000Z'));
    await letters.record(letter('d-3', '2024-01-16T10:00:00.000Z'));
    await letters.record(letter('d-4', '2024-01-17T10:00:00.000Z'));
    const seen: string[] = [];
    let after: { receivedAt: Date; deliveryId: string } | undefined;
    for (;;) {
      const page = await letters.list(workspaceId, { limit: 2, after });
      seen.push(...page.map((l) => l.deliveryId));
      const last = page.at(-1);
      if (page.length < 2 || !last) break;
      after = { receivedAt: last.receivedAt, deliveryId: last.deliveryId };
    }
    expect(seen).toEqual(['d-4', 'd-3', 'd-2', 'd-1']);
    expect((await letters.list(workspaceId, { limit: 10, status: 'open' })).map((l) => l.deliveryId)).toEqual(['d-4', 'd-3', 'd-2', 'd-1']);
  });

  it('moves a letter only from the states a transition allows', async () => {
    expect(await letters.markRedriven(workspaceId, 'd-2', ['open'])).toMatchObject({ status: 'redriven', attempts: 2, resolvedAt: expect.any(Date) });
    expect(await letters.markRedriven(workspaceId, 'd-2', ['open'])).toBeNull();
    expect(await letters.discard(workspaceId, 'd-2')).toBeNull();
    expect(await letters.recordFailedAttempt(workspaceId, 'd-3', 'still failing')).toMatchObject({ status: 'open', attempts: 2, reason: 'still failing' });
    expect((await letters.list(workspaceId, { limit: 10, status: 'redriven' })).map((l) => l.deliveryId)).toEqual(['d-2']);
  });

  it('lets one owner at a time run an import job and stops an owner whose job was cancelled', async () => {
    const job = await jobs.create({ workspaceId, connectorId, kind: 'jira-rest', origin: 'api', params: { jql: 'project = KAN' }, secretsSealed: 'sealed', fileBody: null });
    expect(job).toMatchObject({ status: 'queued', itemsDone: 0, checkpoint: null, leaseOwner: null });
    expect(job).not.toHaveProperty('secretsSealed');
    expect(await jobs.loadInputs(job.id)).toEqual({ secretsSealed: 'sealed', fileBody: null });

    const a = await jobs.claim(job.id, 'api:host:1:a', 30_000, null);
    expect(a).toMatchObject({ status: 'running', leaseOwner: 'api:host:1:a', startedAt: expect.any(Date) });
    expect(await jobs.claim(job.id, 'api:host:2:b', 30_000, null)).toBeNull();
    expect(await jobs.saveProgress(job.id, 'api:host:2:b', 30_000, { itemsDone: 1, itemsTotal: 2, eventsAppended: 1, failures: 0, failureSamples: [], checkpoint: {} })).toBe(false);
    expect(await jobs.saveProgress(job.id, 'api:host:1:a', 30_000, { itemsDone: 100, itemsTotal: 300, eventsAppended: 950, failures: 1, failureSamples: [{ id: 'KAN-9', reason: 'x' }], checkpoint: { page: 1 } })).toBe(true);
    expect(await jobs.findById(job.id)).toMatchObject({ itemsDone: 100, itemsTotal: 300, eventsAppended: 950, failureSamples: [{ id: 'KAN-9', reason: 'x' }], checkpoint: { page: 1 } });
    expect((await jobs.unfinished('api')).map((j) => j.id)).toContain(job.id);
    expect((await jobs.unfinished('cli')).map((j) => j.id)).not.toContain(job.id);

    // Takeover from a known holder (the runner checks the holder is gone first), then a resumed run.
    const b = await jobs.claim(job.id, 'api:host:2:b', 30_000, 'api:host:1:a');
    expect(b).toMatchObject({ leaseOwner: 'api:host:2:b', itemsDone: 100, runStartItems: 100 });
    expect(await jobs.renew(job.id, 'api:host:1:a', 30_000)).toBe(false);
    expect(await jobs.renew(job.id, 'api:host:2:b', 30_000)).toBe(true);

    expect(await jobs.cancel('00000000-0000-4000-8000-000000000000', job.id)).toBeNull();
    expect(await jobs.cancel(workspaceId, job.id)).toMatchObject({ status: 'cancelled', leaseOwner: null, finishedAt: expect.any(Date) });
    expect(await jobs.renew(job.id, 'api:host:2:b', 30_000)).toBe(false);
    expect(await jobs.finish(job.id, 'api:host:2:b', 'succeeded', null)).toBeNull();
    expect(await jobs.cancel(workspaceId, job.id)).toBeNull();
    expect((await jobs.unfinished('api')).map((j) => j.id)).not.toContain(job.id);

    // An explicit resume may pick up a cancelled or failed job again.
    expect(await jobs.claim(job.id, 'cli:host:3:c', 30_000, null)).toBeNull();
    expect(await jobs.claim(job.id, 'cli:host:3:c', 30_000, null, ['cancelled', 'failed'])).toMatchObject({ status: 'running', finishedAt: null });
    expect(await jobs.finish(job.id, 'cli:host:3:c', 'failed', 'Jira refused the credentials (HTTP 401)')).toMatchObject({ status: 'failed', error: 'Jira refused the credentials (HTTP 401)', leaseOwner: null });
    expect((await jobs.listByWorkspace(workspaceId)).map((j) => j.id)).toEqual([job.id]);
  });
});
