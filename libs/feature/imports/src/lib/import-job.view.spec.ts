import type { ImportJobEntity } from '@flowlens/persistence';
import { etaSeconds, importJobView } from './import-job.view';

const job = (over: Partial<ImportJobEntity> = {}): ImportJobEntity =>
  Object.assign(
    {
      id: 'j1',
      workspaceId: 'ws',
      connectorId: 'c1',
      kind: 'jira-rest',
      origin: 'api',
      params: { jql: 'project = KAN' },
      status: 'running',
      itemsDone: 300,
      itemsTotal: 1200,
      eventsAppended: 4000,
      failures: 0,
      failureSamples: [],
      checkpoint: { nextPageToken: 'x' },
      error: null,
      leaseOwner: 'api:h:1:a',
      leaseUntil: new Date(),
      createdAt: new Date('2024-01-01T10:00:00Z'),
      startedAt: new Date('2024-01-01T10:00:00Z'),
      runStartedAt: new Date('2024-01-01T10:10:00Z'),
      runStartItems: 100,
      updatedAt: new Date('2024-01-01T10:10:20Z'),
      finishedAt: null,
    },
    over,
  ) as ImportJobEntity;

describe('import job view', () => {
  const now = Date.parse('2024-01-01T10:10:20Z');

  it('estimates the time left from the current run only (200 issues in 20 s -> 900 left take 90 s)', () => {
    expect(etaSeconds(job(), now)).toBe(90);
    expect(importJobView(job(), now)).toMatchObject({ unit: 'issues', etaSeconds: 90, eta: '2024-01-01T10:11:50.000Z' });
  });

  it('has no ETA without a total, without progress in this run, or once the job is not running', () => {
    expect(etaSeconds(job({ itemsTotal: null }), now)).toBeNull();
    expect(etaSeconds(job({ itemsDone: 100 }), now)).toBeNull();
    expect(etaSeconds(job({ status: 'succeeded' }), now)).toBeNull();
  });

  it('never shows credentials, the uploaded file or the lease', () => {
    const view = importJobView(job({ secretsSealed: 'v1:sealed-token', fileBody: '{"issues":[{"key":"FILE-1"}]}' }), now);
    expect(JSON.stringify(view)).not.toMatch(/sealed|FILE-1|api:h:1:a|lease/);
  });
});
