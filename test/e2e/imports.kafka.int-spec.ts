import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TRELLO_TRACKED_ACTION_TYPES } from '@flowlens/connector-trello';
import { ApiClient, eventually, repoRoot, runToExit } from '@flowlens/testing';
import { startJiraReplayServer, type JiraReplayServer } from '../support/jira/jira-replay-server';
import { generateRecordedProject } from '../support/jira/recorded-project';
import { jiraExport, trelloExport } from '../support/pipeline/delivery-fixtures';
import { KafkaPipeline } from '../support/pipeline/kafka-pipeline';
import { doneIssues, lastChangeWebhook, SearchGate } from '../support/pipeline/recorded-webhooks';
import { WebhookSender } from '../support/pipeline/webhook-sender';
import { generateTrelloBoard } from '../support/trello/trello-board.generator';
import { startTrelloReplayServer, type TrelloReplayServer } from '../support/trello/trello-replay.server';

const EMAIL = 'flowlens-bot@flowlens.io';
const API_TOKEN = 'ATATT3xFfGF0replayToken';
const AUTH = `Basic ${Buffer.from(`${EMAIL}:${API_TOKEN}`).toString('base64')}`;
const JQL = 'project = FLOW ORDER BY created ASC';
const JIRA_SECRET = 'jira-webhook-secret-imports';
const WINDOW = 'from=2023-01-01&to=2024-12-31';

type Job = {
  id: string;
  kind: string;
  status: string;
  unit: string;
  itemsDone: number;
  itemsTotal: number | null;
  eventsAppended: number;
  failures: number;
  failureSamples: Array<{ id: string | null; reason: string }>;
  error: string | null;
  etaSeconds: number | null;
  params: Record<string, unknown>;
  finishedAt: string | null;
};
type Throughput = { total: number; series: Array<{ start: string; count: number }> };
type ErrorBody = { error: { code: string; message: string; details: Array<{ path?: string; message: string }> } };

const project = generateRecordedProject();
const small = generateRecordedProject({ issues: 120, seed: 77 });
const board = generateTrelloBoard();

describe('import jobs through the real pipeline: CLI and API, Jira and Trello, resumable', () => {
  let pipeline: KafkaPipeline;
  let jira: JiraReplayServer;
  let jiraSmall: JiraReplayServer;
  let trello: TrelloReplayServer;
  const gate = new SearchGate();
  const smallGate = new SearchGate();
  const tmp = mkdtempSync(join(tmpdir(), 'flowlens-imports-'));
  let backfilled: { client: ApiClient; job: Job; throughput: Throughput; sample: Record<string, unknown>[] };

  const cliArgs = (connectorId: string, extra: string[] = []) => ['import', 'jira', '--connector', connectorId, '--base-url', jira.baseUrl, '--jql', JQL, '--email', EMAIL, '--token', API_TOKEN, ...extra];
  const cli = (args: string[]) => runToExit('cli', args, pipeline.env);
  const job = (apiKey: string, id: string) => pipeline.gw(apiKey).get<Job>(`/api/v1/imports/${id}`);
  const finished = (apiKey: string, id: string) =>
    eventually(() => job(apiKey, id), (r) => ['succeeded', 'failed', 'cancelled'].includes(r.body.status), { timeoutMs: 120_000, what: `import job ${id} finished` });
  const sampleKeys = project.issues.filter((_, i) => i % 60 === 7).map((r) => r.issue.key);
  const states = (client: ApiClient, keys: readonly string[]) => Promise.all(keys.map(async (key) => (await client.get<Record<string, unknown>>(`/api/v1/items/${key}`)).body));

  beforeAll(async () => {
    pipeline = await KafkaPipeline.start();
    jira = await startJiraReplayServer({ project, expectedAuthorization: AUTH, throttle: gate.rule });
    jiraSmall = await startJiraReplayServer({ project: small, maxSearchResults: 20, maxVersionResults: 4, expectedAuthorization: AUTH, throttle: smallGate.rule });
    trello = await startTrelloReplayServer({ boards: [board] });
  }, 300_000);

  afterAll(async () => {
    await Promise.all([jira?.stop(), jiraSmall?.stop(), trello?.stop()]);
    await pipeline?.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('back-fills the recorded 1,200-issue Jira project through the CLI with a progress bar; overlapping live webhooks count nothing twice', async () => {
    const { client, apiKey, connector } = await pipeline.workspace({ type: 'jira', secret: JIRA_SECRET });
    const run = await cli(cliArgs(connector.id));
    expect(run.stderr).not.toMatch(/flowlens:/);
    expect(run.code).toBe(0);
    const jobId = /import job ([0-9a-f-]{36}) \(jira-rest\) started/.exec(run.stdout)?.[1] ?? '';
    expect(run.stdout).toMatch(new RegExp(`import job ${jobId} succeeded in [\\d.]+ s: 1,200 issues, [\\d,]+ events appended`));
    const progress = run.stderr.split('\n').filter((line) => /\| \d+\/1200 issues \| [\d,]+ events \| 0 failed \| ETA /.test(line));
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.at(-1)).toMatch(/100% \| 1200\/1200 issues/);

    const stored = (await job(apiKey, jobId)).body;
    expect(stored).toMatchObject({ kind: 'jira-rest', status: 'succeeded', unit: 'issues', itemsDone: 1200, itemsTotal: 1200, failures: 0, etaSeconds: null });
    expect(stored.params).toEqual({ baseUrl: jira.baseUrl, jql: JQL, authKind: 'basic', email: EMAIL });
    expect(JSON.stringify(stored)).not.toContain(API_TOKEN);

    await pipeline.caughtUp();
    const expectedDone = doneIssues(project).length;
    const throughput = (await client.get<Throughput>(`/api/v1/metrics/throughput?interval=week&${WINDOW}`)).body;
    expect(throughput.total).toBe(expectedDone);
    const sample = await states(client, sampleKeys);
    sample.forEach((item, i) => expect(item).toMatchObject({ itemKey: sampleKeys[i], status: (project.issues[i * 60 + 7]?.issue['fields'] as { status: { name: string } }).status.name }));
    backfilled = { client, job: stored, throughput, sample };

    // Jira's live webhooks for the latest change of 40 of the same issues arrive after the back-fill.
    const send = new WebhookSender(pipeline.gateway.url);
    const touched = project.issues.filter((r, i) => i % 30 === 7 && r.histories.length > 0);
    expect(touched.length).toBeGreaterThan(30);
    let accepted = 0;
    for (const recorded of touched) {
      const answer = await send.jira(connector.webhookPath, lastChangeWebhook(recorded), JIRA_SECRET);
      expect(answer.status).toBe(202);
      // Changes of untracked fields only (description, Rank) are ignored, as live.
      expect(answer.body.accepted > 0 || typeof answer.body.ignored === 'string').toBe(true);
      accepted += answer.body.accepted;
    }
    expect(accepted).toBeGreaterThan(touched.length);
    await pipeline.caughtUp();
    expect((await client.get<Throughput>(`/api/v1/metrics/throughput?interval=week&${WINDOW}`)).body).toEqual(throughput);
    expect(await states(client, sampleKeys)).toEqual(sample);
    const after = await states(client, touched.map((r) => r.issue.key));
    after.forEach((item, i) => expect(item['status']).toBe((touched[i]?.issue['fields'] as { status: { name: string } }).status.name));
  });

  it('resumes a SIGKILLed CLI import from its checkpoint: no page twice, the same figures', async () => {
    const { client, apiKey, connector } = await pipeline.workspace({ type: 'jira', secret: JIRA_SECRET });
    gate.hold(4);
    let child: ChildProcess | null = null;
    try {
      let stdout = '';
      child = spawn(process.execPath, [join(repoRoot(), 'dist', 'apps', 'cli', 'src', 'main.js'), ...cliArgs(connector.id)], {
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...pipeline.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child?.once('exit', (code) => resolve(code)));
      const jobId = (await eventually(async () => /import job ([0-9a-f-]{36})/.exec(stdout)?.[1], (id) => id !== undefined, { what: 'job id printed' })) as string;
      // Four pages stored; the fifth search is being throttled, so nothing is in flight.
      await eventually(() => job(apiKey, jobId), (r) => r.body.itemsDone === 400 && jira.throttled() > 0, { what: 'import held after 4 pages' });
      child.kill('SIGKILL');
      await exited;
      gate.release();
      const killed = (await job(apiKey, jobId)).body;
      expect(killed).toMatchObject({ status: 'running', itemsDone: 400 });

      const before = jira.requests.length;
      const resumed = await cli(['import', 'jira', '--resume', jobId]);
      expect(resumed.stderr).not.toMatch(/flowlens:/);
      expect(resumed.code).toBe(0);
      expect(resumed.stdout).toContain(`resuming import job ${jobId} (jira-rest) at 400 issues`);
      const searches = jira.requests.slice(before).filter((r) => r.path === '/rest/api/3/search/jql' && r.status === 200);
      expect(searches).toHaveLength(8);
      expect(searches[0]?.query['nextPageToken']).toBeDefined();

      const done = (await job(apiKey, jobId)).body;
      expect(done).toMatchObject({ status: 'succeeded', itemsDone: 1200, eventsAppended: backfilled.job.eventsAppended });
      await pipeline.caughtUp();
      expect((await client.get<Throughput>(`/api/v1/metrics/throughput?interval=week&${WINDOW}`)).body).toEqual(backfilled.throughput);
      expect(await states(client, sampleKeys)).toEqual(backfilled.sample);
    } finally {
      gate.release();
      child?.kill('SIGKILL');
    }
  });

  it('runs API import jobs in the background: Jira REST, Trello REST, and both export files', async () => {
    const jiraWs = await pipeline.workspace({ type: 'jira', secret: JIRA_SECRET });
    const fileWs = await pipeline.workspace({ type: 'jira', secret: JIRA_SECRET });
    const trelloWs = await pipeline.workspace({ type: 'trello', secret: 'trello-app-secret-imports', callbackUrl: 'https://flowlens.example.com/webhooks/trello/x' });
    const gw = pipeline.gw(jiraWs.apiKey);
    const tgw = pipeline.gw(trelloWs.apiKey);
    const started = await gw.post<Job>('/api/v1/imports', { kind: 'jira-rest', connectorId: jiraWs.connector.id, baseUrl: jiraSmall.baseUrl, jql: JQL, auth: { kind: 'basic', email: EMAIL, apiToken: API_TOKEN } });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ kind: 'jira-rest', status: 'queued', itemsDone: 0 });
    const file = await pipeline.gw(fileWs.apiKey).post<Job>('/api/v1/imports', { kind: 'jira-file', connectorId: fileWs.connector.id, file: jiraExport(), fileName: 'issues-export.json' });
    const rest = await tgw.post<Job>('/api/v1/imports', { kind: 'trello-rest', connectorId: trelloWs.connector.id, boardId: board.board.id, key: 'replay-key', token: 'replay-token', baseUrl: trello.url });
    const exportJob = await tgw.post<Job>('/api/v1/imports', { kind: 'trello-file', connectorId: trelloWs.connector.id, file: trelloExport('platform-delivery') });
    expect([file.status, rest.status, exportJob.status]).toEqual([202, 202, 202]);

    const jiraRest = (await finished(jiraWs.apiKey, started.body.id)).body;
    expect(jiraRest).toMatchObject({ status: 'succeeded', unit: 'issues', itemsDone: 120, itemsTotal: 120, failures: 0, etaSeconds: null, error: null });
    expect(jiraRest.eventsAppended).toBeGreaterThan(120);
    const jiraFile = (await finished(fileWs.apiKey, file.body.id)).body;
    expect(jiraFile).toMatchObject({ status: 'succeeded', unit: 'events', failures: 1, failureSamples: [{ id: 'KAN-50', reason: expect.stringContaining('fewer histories') }] });
    expect(jiraFile.params).toMatchObject({ fileName: 'issues-export.json', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const tracked = board.actions.filter((a) => TRELLO_TRACKED_ACTION_TYPES.includes(a.type)).length;
    expect((await finished(trelloWs.apiKey, rest.body.id)).body).toMatchObject({ status: 'succeeded', unit: 'actions', itemsDone: tracked, itemsTotal: tracked, failures: 0 });
    expect((await finished(trelloWs.apiKey, exportJob.body.id)).body).toMatchObject({ status: 'succeeded', failures: 0 });
    expect((await tgw.get<{ items: Job[] }>('/api/v1/imports')).body.items.map((j) => j.id)).toEqual([exportJob.body.id, rest.body.id]);

    await pipeline.caughtUp();
    expect((await jiraWs.client.get<Throughput>(`/api/v1/metrics/throughput?${WINDOW}`)).body.total).toBe(doneIssues(small).length);
    expect((await fileWs.client.get('/api/v1/items/OPS-7')).body).toMatchObject({ status: 'Backlog', boardId: 'OPS' });
    expect((await fileWs.client.get('/api/v1/items/KAN-50')).body).toMatchObject({ status: 'Done', stageCategory: 'done' });
    const lists = new Map(board.lists.map((l) => [l.id, l.name]));
    const openCards = board.cards.filter((c) => !c.closed).slice(0, 8);
    for (const card of openCards) expect((await trelloWs.client.get(`/api/v1/items/${card.shortLink}`)).body).toMatchObject({ itemKey: card.shortLink, status: lists.get(card.idList) });
    expect((await trelloWs.client.get('/api/v1/items/Hq2wE4rT')).body).toMatchObject({ status: 'Done' });
  });

  it('back-fills the Jira project versions: the risk releases list the unreleased ones with their dates', async () => {
    const { apiKey, connector, client } = await pipeline.workspace({ type: 'jira', secret: JIRA_SECRET });
    const before = jiraSmall.requests.length;
    const started = await pipeline.gw(apiKey).post<Job>('/api/v1/imports', { kind: 'jira-rest', connectorId: connector.id, baseUrl: jiraSmall.baseUrl, jql: JQL, auth: { kind: 'basic', email: EMAIL, apiToken: API_TOKEN } });
    expect((await finished(apiKey, started.body.id)).body).toMatchObject({ status: 'succeeded', itemsDone: 120, failures: 0 });
    const versionPages = jiraSmall.requests.slice(before).filter((r) => r.path === '/rest/api/3/project/FLOW/version' && r.status === 200);
    expect(versionPages.map((r) => r.query['startAt'])).toEqual(['0', '4', '8']);
    await pipeline.caughtUp();

    type Release = { releaseId: string; name: string; releaseDate: string | null; boardIds: string[]; scope: number; remaining: number };
    const listed = (await client.get<{ items: Release[] }>('/api/v1/risk/releases?seed=7')).body.items;
    // Released (1.0-1.4, 1.1 also archived) are not listed; 1.9.0 has no dates in Jira.
    const open = small.versions.filter((v) => v['released'] === false && v['archived'] === false);
    expect(open.map((v) => v['name'])).toEqual(['1.5.0', '1.6.0', '1.7.0', '1.8.0', '1.9.0']);
    expect(listed.map((r) => [r.releaseId, r.name, r.releaseDate])).toEqual(open.map((v) => [v['id'], v['name'], v['releaseDate'] ?? null]));
    expect(listed.find((r) => r.name === '1.5.0')?.releaseDate).toBe('2023-06-18');
    const inScope = (id: unknown) => small.issues.filter((r) => ((r.issue['fields'] as { fixVersions: Array<{ id: string }> }).fixVersions ?? []).some((v) => v.id === id)).length;
    expect(listed.some((r) => r.scope > 0)).toBe(true);
    for (const release of listed) {
      expect(release.scope).toBeLessThanOrEqual(inScope(release.releaseId));
      expect(release.boardIds).toEqual(release.scope > 0 ? ['FLOW'] : []);
    }
  });

  it('resumes an API job from its checkpoint when the gateway restarts after a crash', async () => {
    const { apiKey, connector } = await pipeline.workspace({ type: 'jira', secret: JIRA_SECRET });
    smallGate.hold(2);
    const started = await pipeline.gw(apiKey).post<Job>('/api/v1/imports', { kind: 'jira-rest', connectorId: connector.id, baseUrl: jiraSmall.baseUrl, jql: JQL, auth: { kind: 'basic', email: EMAIL, apiToken: API_TOKEN } });
    await eventually(() => job(apiKey, started.body.id), (r) => r.body.itemsDone === 40 && jiraSmall.throttled() > 0, { what: 'API job held after 2 pages' });
    await pipeline.gateway.stop('SIGKILL');
    smallGate.release();
    const before = jiraSmall.requests.length;
    await pipeline.gateway.restart();
    const done = (await finished(apiKey, started.body.id)).body;
    expect(done).toMatchObject({ status: 'succeeded', itemsDone: 120 });
    const searches = jiraSmall.requests.slice(before).filter((r) => r.path === '/rest/api/3/search/jql' && r.status === 200);
    expect(searches).toHaveLength(4);
  });

  it('cancels a running API job', async () => {
    const { apiKey, connector } = await pipeline.workspace({ type: 'jira', secret: JIRA_SECRET });
    const gw = pipeline.gw(apiKey);
    smallGate.hold(1);
    try {
      const started = await gw.post<Job>('/api/v1/imports', { kind: 'jira-rest', connectorId: connector.id, baseUrl: jiraSmall.baseUrl, jql: JQL, auth: { kind: 'bearer', token: 'not-checked-by-the-gate' } });
      // Bearer auth is refused by the replay server: the job fails at once, and a failed job cannot be cancelled.
      const failed = (await finished(apiKey, started.body.id)).body;
      expect(failed).toMatchObject({ status: 'failed', error: expect.stringContaining('Jira refused the credentials (HTTP 401)') });
      expect((await gw.post<ErrorBody>(`/api/v1/imports/${started.body.id}/cancel`)).status).toBe(409);

      const running = await gw.post<Job>('/api/v1/imports', { kind: 'jira-rest', connectorId: connector.id, baseUrl: jiraSmall.baseUrl, jql: JQL, auth: { kind: 'basic', email: EMAIL, apiToken: API_TOKEN } });
      await eventually(() => job(apiKey, running.body.id), (r) => r.body.status === 'running' && r.body.itemsDone === 20, { what: 'API job running' });
      const cancelled = await gw.post<Job>(`/api/v1/imports/${running.body.id}/cancel`);
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toMatchObject({ status: 'cancelled', itemsDone: 20, finishedAt: expect.any(String) });
      smallGate.release();
      expect((await gw.post<ErrorBody>(`/api/v1/imports/${running.body.id}/cancel`)).body.error.code).toBe('conflict');
      expect((await job(apiKey, running.body.id)).body.status).toBe('cancelled');
    } finally {
      smallGate.release();
    }
  });

  it('answers bad import requests with 404 / 400 and details, and the CLI with exit code 1 and one line', async () => {
    const { apiKey, connector, client } = await pipeline.workspace({ type: 'jira', secret: JIRA_SECRET });
    const gw = pipeline.gw(apiKey);
    const unknownJob = await gw.get<ErrorBody>('/api/v1/imports/00000000-0000-4000-8000-000000000000');
    expect([unknownJob.status, unknownJob.body.error.code]).toEqual([404, 'unknown_import_job']);
    expect((await gw.get('/api/v1/imports/not-a-job')).status).toBe(404);
    expect((await gw.post('/api/v1/imports/00000000-0000-4000-8000-000000000000/cancel')).status).toBe(404);

    const bad = await gw.post<ErrorBody>('/api/v1/imports', { kind: 'jira-rest', connectorId: connector.id, baseUrl: 'ftp://jira.example.com', jql: ' ', auth: { kind: 'basic', email: 'not-an-email' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    expect(bad.body.error.details.map((d) => d.path).sort()).toEqual(['auth.apiToken', 'auth.email', 'baseUrl', 'jql']);
    expect((await gw.post<ErrorBody>('/api/v1/imports', { kind: 'csv', connectorId: connector.id })).status).toBe(400);
    const valid = { kind: 'jira-rest', baseUrl: jira.baseUrl, jql: JQL, auth: { kind: 'basic', email: EMAIL, apiToken: API_TOKEN } };
    const unknownConnector = await gw.post<ErrorBody>('/api/v1/imports', { ...valid, connectorId: '00000000-0000-4000-8000-000000000000' });
    expect([unknownConnector.status, unknownConnector.body.error.code]).toEqual([404, 'unknown_connector']);
    const notExport = await gw.post<ErrorBody>('/api/v1/imports', { kind: 'jira-file', connectorId: connector.id, file: { hello: 'world' } });
    expect(notExport.status).toBe(400);
    expect(notExport.body.error).toMatchObject({ code: 'invalid_export', details: [{ path: 'file.issues' }] });
    const mismatch = await gw.post<ErrorBody>('/api/v1/imports', { kind: 'trello-rest', connectorId: connector.id, boardId: board.board.id, key: 'k', token: 't' });
    expect(mismatch.body.error.code).toBe('connector_type_mismatch');
    const analyst = await client.post<{ apiKey: string }>('/api/v1/api-keys', { name: 'analyst', role: 'analyst' });
    expect((await pipeline.gw(analyst.body.apiKey).post('/api/v1/imports', { ...valid, connectorId: connector.id })).status).toBe(403);
    expect((await gw.get<{ items: unknown[] }>('/api/v1/imports')).body.items).toEqual([]);

    const notJson = join(tmp, 'export.json');
    writeFileSync(notJson, '{"issues": [');
    const cases: Array<[string[], RegExp]> = [
      [cliArgs('00000000-0000-4000-8000-000000000000'), /^flowlens: no connector with id 00000000-0000-4000-8000-000000000000$/],
      [['import', 'file', '--connector', connector.id, join(tmp, 'missing.json')], /^flowlens: cannot read .*missing\.json: ENOENT$/],
      [['import', 'file', '--connector', connector.id, notJson], /^flowlens: .*export\.json is not valid JSON: /],
      [['import', 'jira', '--base-url', jira.baseUrl, '--jql', JQL, '--email', EMAIL, '--token', API_TOKEN], /^flowlens: --connector is required$/],
      [['import', 'jira', '--connector', connector.id, '--base-url', 'jira.example.com', '--jql', JQL, '--bearer', 'x'], /^flowlens: invalid --base-url: must be an http\(s\) URL$/],
      [cliArgs(connector.id).map((a) => (a === API_TOKEN ? 'wrong-token' : a)), /^flowlens: import job [0-9a-f-]{36} failed: Jira refused the credentials \(HTTP 401\)/],
      [['import', 'trello', '--connector', connector.id, '--board', board.board.id, '--key', 'k', '--token', 't'], /^flowlens: connector .* is a jira connector; trello-rest imports need a trello connector/],
      [['import', 'jira', '--resume', '00000000-0000-4000-8000-000000000000'], /^flowlens: no import job 00000000-0000-4000-8000-000000000000$/],
    ];
    for (const [args, expected] of cases) {
      const run = await cli(args);
      const lines = run.stderr.split('\n').filter((line) => line.trim() !== '');
      expect({ args: args.slice(0, 2), code: run.code, lines: lines.length }).toEqual({ args: args.slice(0, 2), code: 1, lines: 1 });
      expect(lines[0]).toMatch(expected);
    }
  });
});
