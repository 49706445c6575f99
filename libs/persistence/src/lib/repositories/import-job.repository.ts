import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ImportJobEntity, type ImportFailureSample, type ImportKind, type ImportOrigin, type ImportStatus } from '../entities/import-job.entity';

export interface NewImportJob {
  readonly workspaceId: string;
  readonly connectorId: string;
  readonly kind: ImportKind;
  readonly origin: ImportOrigin;
  readonly params: Record<string, unknown>;
  readonly secretsSealed: string | null;
  readonly fileBody: string | null;
}

/** Absolute counters after a page: one writer (the lease owner) at a time, so no increments needed. */
export interface ImportProgressUpdate {
  readonly itemsDone: number;
  readonly itemsTotal: number | null;
  readonly eventsAppended: number;
  readonly failures: number;
  readonly failureSamples: readonly ImportFailureSample[];
  readonly checkpoint: unknown;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class ImportJobRepository {
  constructor(private readonly db: DataSource) {}

  async create(input: NewImportJob): Promise<ImportJobEntity> {
    const repo = this.db.getRepository(ImportJobEntity);
    const saved = await repo.save(repo.create({ ...input, status: 'queued' }));
    return (await this.findById(saved.id)) as ImportJobEntity;
  }

  async findById(id: string): Promise<ImportJobEntity | null> {
    if (!UUID.test(id)) return null;
    return this.db.getRepository(ImportJobEntity).findOneBy({ id });
  }

  /** The sealed credentials and uploaded file of a job (not loaded by the other reads). */
  async loadInputs(id: string): Promise<{ secretsSealed: string | null; fileBody: string | null }> {
    const rows: Array<{ secrets_sealed: string | null; file_body: string | null }> = await this.db.query(
      'SELECT secrets_sealed, file_body FROM import_jobs WHERE id = $1',
      [id],
    );
    return { secretsSealed: rows[0]?.secrets_sealed ?? null, fileBody: rows[0]?.file_body ?? null };
  }

  listByWorkspace(workspaceId: string, limit = 100): Promise<ImportJobEntity[]> {
    return this.db.getRepository(ImportJobEntity).find({ where: { workspaceId }, order: { createdAt: 'DESC' }, take: limit });
  }

  /** Queued or running jobs of an origin, oldest first: candidates to resume. */
  unfinished(origin: ImportOrigin): Promise<ImportJobEntity[]> {
    return this.db
      .getRepository(ImportJobEntity)
      .createQueryBuilder('j')
      .where(`j.status IN ('queued', 'running') AND j.origin = :origin`, { origin })
      .orderBy('j.created_at', 'ASC')
      .getMany();
  }

  /**
   * Takes the job for `owner` if its lease is still held by `observedOwner` (compare-and-set) and
   * its status is one of `from`, and starts a run. Null when the job finished, was cancelled, or
   * someone else took it meanwhile. Resuming a failed job clears its error.
   */
  claim(id: string, owner: string, leaseMs: number, observedOwner: string | null, from: readonly ImportStatus[] = ['queued', 'running']): Promise<ImportJobEntity | null> {
    return this.updateReturning(
      `status = 'running', error = NULL, finished_at = NULL, lease_owner = $2, lease_until = now() + ($3::int * interval '1 millisecond'),
       started_at = COALESCE(started_at, now()), run_started_at = now(), run_start_items = items_done`,
      `status = ANY($5::varchar[]) AND lease_owner IS NOT DISTINCT FROM $4`,
      [id, owner, leaseMs, observedOwner, [...from]],
    );
  }

  /** Heartbeat: false when the job is no longer running under `owner` (cancelled or taken over). */
  async renew(id: string, owner: string, leaseMs: number): Promise<boolean> {
    const renewed = await this.updateReturning(
      `lease_until = now() + ($3::int * interval '1 millisecond')`,
      `status = 'running' AND lease_owner = $2`,
      [id, owner, leaseMs],
    );
    return renewed !== null;
  }

  /** Stores a page's progress and renews the lease; false when the job is no longer ours (cancelled, taken over). */
  async saveProgress(id: string, owner: string, leaseMs: number, update: ImportProgressUpdate): Promise<boolean> {
    const saved = await this.updateReturning(
      `items_done = $4, items_total = $5, events_appended = $6, failures = $7, failure_samples = $8::jsonb, checkpoint = $9::jsonb,
       lease_until = now() + ($3::int * interval '1 millisecond')`,
      `status = 'running' AND lease_owner = $2`,
      [id, owner, leaseMs, update.itemsDone, update.itemsTotal, update.eventsAppended, update.failures, JSON.stringify(update.failureSamples), JSON.stringify(update.checkpoint ?? null)],
    );
    return saved !== null;
  }

  async finish(id: string, owner: string, status: 'succeeded' | 'failed', error: string | null): Promise<ImportJobEntity | null> {
    return this.updateReturning(
      `status = $3, error = $4, finished_at = now(), lease_owner = NULL, lease_until = NULL`,
      `status = 'running' AND lease_owner = $2`,
      [id, owner, status, error],
    );
  }

  /** Gives the job up without finishing it (shutdown): it stays resumable. */
  async release(id: string, owner: string): Promise<void> {
    await this.updateReturning(`lease_owner = NULL, lease_until = NULL`, `lease_owner = $2`, [id, owner]);
  }

  /** Cancels a queued or running job of the workspace; null when there is no such unfinished job. */
  cancel(workspaceId: string, id: string): Promise<ImportJobEntity | null> {
    if (!UUID.test(id)) return Promise.resolve(null);
    return this.updateReturning(
      `status = 'cancelled', finished_at = now(), lease_owner = NULL, lease_until = NULL`,
      `workspace_id = $2 AND status IN ('queued', 'running')`,
      [id, workspaceId],
    );
  }

  /** `UPDATE ... WHERE id = $1 AND <condition>`; the CTE makes pg and PGlite both answer rows. */
  private async updateReturning(set: string, condition: string, params: unknown[]): Promise<ImportJobEntity | null> {
    const rows: Array<{ id: string }> = await this.db.query(
      `WITH u AS (UPDATE import_jobs SET ${set}, updated_at = now() WHERE id = $1 AND ${condition} RETURNING id) SELECT id FROM u`,
      params,
    );
    return rows.length > 0 ? this.findById(String(params[0])) : null;
  }
}
