import type { ImportJobEntity, ImportKind } from '@flowlens/persistence';
import type { ImportUnit } from './sources/import-source';

export const IMPORT_UNITS: Readonly<Record<ImportKind, ImportUnit>> = {
  'jira-rest': 'issues',
  'trello-rest': 'actions',
  'jira-file': 'events',
  'trello-file': 'events',
};

/** Seconds left at this run's rate; null until there is a total and some progress. */
export function etaSeconds(job: Pick<ImportJobEntity, 'status' | 'itemsDone' | 'itemsTotal' | 'runStartedAt' | 'runStartItems'>, now = Date.now()): number | null {
  if (job.status !== 'running' || job.itemsTotal === null || !job.runStartedAt) return null;
  const done = job.itemsDone - job.runStartItems;
  const elapsed = (now - job.runStartedAt.getTime()) / 1000;
  if (done <= 0 || elapsed <= 0) return null;
  return Math.max(0, Math.round((job.itemsTotal - job.itemsDone) / (done / elapsed)));
}

/** The API's view of a job: never its credentials or uploaded file. */
export function importJobView(job: ImportJobEntity, now = Date.now()) {
  const eta = etaSeconds(job, now);
  return {
    id: job.id,
    kind: job.kind,
    connectorId: job.connectorId,
    origin: job.origin,
    status: job.status,
    params: job.params,
    unit: IMPORT_UNITS[job.kind],
    itemsDone: job.itemsDone,
    itemsTotal: job.itemsTotal,
    eventsAppended: job.eventsAppended,
    failures: job.failures,
    failureSamples: job.failureSamples,
    error: job.error,
    etaSeconds: eta,
    eta: eta === null ? null : new Date(now + eta * 1000).toISOString(),
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    updatedAt: job.updatedAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}
export type ImportJobView = ReturnType<typeof importJobView>;
