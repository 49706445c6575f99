import { hostname } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { type CanonicalEvent, TOPICS } from '@flowlens/contracts';
import { EmbeddedEventLog } from '@flowlens/event-log';
import { ImportJobsService, ImportRunner, ImportSourceFactory } from '@flowlens/feature-imports';
import { ConnectorCache, ConnectorRepository, ImportJobRepository, runPostgresMigrations, SecretCipher, WorkspaceRepository } from '@flowlens/persistence';
import { eventually } from '@flowlens/testing';
import { startJiraReplayServer, type JiraReplayServer } from '../support/jira/jira-replay-server';
import { generateRecordedProject } from '../support/jira/recorded-project';
import { openTestDataSource, type TestDataSource } from '../support/test-data-source';

const EMAIL = 'flowlens-bot@flowlens.io';
const TOKEN = 'ATATT3xFfGF0replayToken';
const project = generateRecordedProject({ issues: 120, seed: 5 });

describe('ImportRunner against PostgreSQL, the embedded log and the Jira replay server', () => {
  let source: TestDataSource | undefined;
  let db: DataSource;
  let log: EmbeddedEventLog;
  let server: JiraReplayServer;
  let runner: ImportRunner;
  let service: ImportJobsService;
  let jobs: ImportJobRepository;
  let connectorId: string;
  const dir = mkdtempSync(join(tmpdir(), 'flowlens-runner-'));

  beforeAll(async () => {
    source = await openTestDataSource('pg');
    db = source.db;
    await runPostgresMigrations(db);
    const cipher = new SecretCipher('runner-test-key');
    jobs = new ImportJobRepository(db);
    const connectors = new ConnectorRepository(db, cipher, new ConnectorCache());
    const workspaceId = (await new WorkspaceRepository(db).create({ name: 'Runner', timezone: 'UTC', firstKey: { name: 'k', prefix: 'runner0000000000', keyHash: 'd'.repeat(64), role: 'admin' } })).id;
    connectorId = (await connectors.create({ workspaceId, type: 'jira', name: 'Jira', secret: null, tokenHash: 'e'.repeat(64), callbackUrl: null, settings: {} })).id;
    log = await EmbeddedEventLog.open(dir);
    runner = new ImportRunner(jobs, connectors, log, new ImportSourceFactory(cipher));
    service = new ImportJobsService(jobs, connectors, cipher);
    server = await startJiraReplayServer({ project, maxSearchResults: 20, expectedAuthorization: `Basic ${Buffer.from(`${EMAIL}:${TOKEN}`).toString('base64')}` });
  });

  afterAll(async () => {
    await server?.stop();
    await log?.close();
    await source?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const request = (apiToken = TOKEN) => ({ kind: 'jira-rest' as const, connectorId, baseUrl: server.baseUrl, jql: 'project = FLOW', auth: { kind: 'basic' as const, email: EMAIL, apiToken } });

  async function eventsInLog(jobWorkspace: string, expected: number): Promise<CanonicalEvent[]> {
    const seen: CanonicalEvent[] = [];
    const sub = await log.subscribe({
      groupId: `reader-${Date.now()}-${Math.random()}`,
      topics: [TOPICS.workItemEvents],
      fromBeginning: true,
      handleBatch: async (batch) => void seen.push(...batch.records.map((r) => JSON.parse(r.value) as CanonicalEvent)),
    });
    try {
      await eventually(async () => seen.filter((e) => e.workspaceId === jobWorkspace).length, (n) => n >= expected, { what: `${expected} events read` });
      return seen.filter((e) => e.workspaceId === jobWorkspace);
    } finally {
      await sub.stop();
    }
  }

  it('stops at a page boundary when aborted, leaves the job resumable, and a resumed run appends each page once', async () => {
    const job = await service.create(null, 'cli', request());
    const abort = new AbortController();
    const stopped = await runner.run(job.id, { owner: 'cli:test:1:a', signal: abort.signal, onProgress: (j) => j.itemsDone >= 40 && abort.abort() });
    expect(stopped).toMatchObject({ kind: 'stopped', reason: 'aborted', job: { status: 'running', itemsDone: 40, leaseOwner: null } });

    const searchesBefore = server.requests.filter((r) => r.path.endsWith('/search/jql')).length;
    const resumed = await runner.run(job.id, { owner: 'cli:test:1:b' });
    expect(resumed).toMatchObject({ kind: 'finished', job: { status: 'succeeded', itemsDone: 120, itemsTotal: 120, leaseOwner: null } });
    expect(server.requests.filter((r) => r.path.endsWith('/search/jql')).length - searchesBefore).toBe(4);

    const appended = resumed.job?.eventsAppended ?? 0;
    const events = await eventsInLog(job.workspaceId, appended);
    expect(events).toHaveLength(appended);
    expect(new Set(events.map((e) => e.eventId)).size).toBe(appended);
    expect(events.filter((e) => e.type === 'WorkItemCreated')).toHaveLength(120);
  });

  it('does not run a job another live process holds, and fails one the source refuses with one readable line', async () => {
    const held = await service.create(null, 'api', request());
    await jobs.claim(held.id, `api:${hostname()}:${process.pid}:other`, 30_000, null);
    expect(await runner.run(held.id, { owner: 'api:test:2:a' })).toMatchObject({ kind: 'not-claimed', reason: expect.stringContaining('running in another process') });

    const refused = await service.create(null, 'cli', request('wrong-token'));
    const outcome = await runner.run(refused.id, { owner: 'cli:test:3:a' });
    expect(outcome).toMatchObject({ kind: 'finished', job: { status: 'failed', error: 'Jira refused the credentials (HTTP 401): check the e-mail and API token, or the bearer token' } });
  });
});
