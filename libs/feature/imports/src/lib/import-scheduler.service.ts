import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ImportJobRepository } from '@flowlens/persistence';
import { canTakeOver, LEASE_MS, leaseOwner } from './import-lease';
import { ImportRunner } from './import-runner';

const SHUTDOWN_GRACE_MS = 5000;

/**
 * Runs the API's import jobs in the background of this process. At start-up, and then every lease
 * period, it resumes queued or running API jobs nobody holds (a restarted or crashed gateway's).
 * At shutdown it stops its runs after the page in flight and leaves them resumable.
 */
@Injectable()
export class ImportScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ImportScheduler.name);
  private readonly owner = leaseOwner('api');
  private readonly runs = new Map<string, { readonly abort: AbortController; readonly done: Promise<void> }>();
  private scanTimer: NodeJS.Timeout | null = null;
  private closing = false;

  constructor(
    private readonly jobs: ImportJobRepository,
    private readonly runner: ImportRunner,
  ) {}

  onApplicationBootstrap(): void {
    void this.resumeOrphans();
    this.scanTimer = setInterval(() => void this.resumeOrphans(), LEASE_MS);
    this.scanTimer.unref();
  }

  /** Starts a job in the background (no-op when this process already runs it). */
  start(jobId: string): void {
    if (this.closing || this.runs.has(jobId)) return;
    const abort = new AbortController();
    const done = this.runner
      .run(jobId, { owner: this.owner, signal: abort.signal })
      .then((outcome) => {
        if (outcome.kind === 'not-claimed') this.logger.warn({ jobId, reason: outcome.reason }, 'import job not started');
      })
      .catch((error: unknown) => this.logger.error({ jobId, err: error }, 'import job crashed'))
      .finally(() => this.runs.delete(jobId));
    this.runs.set(jobId, { abort, done });
  }

  /** Stops this process' run of a job (after a cancel; the job's status already says why). */
  stop(jobId: string): void {
    this.runs.get(jobId)?.abort.abort();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    if (this.scanTimer) clearInterval(this.scanTimer);
    for (const run of this.runs.values()) run.abort.abort();
    const all = Promise.all([...this.runs.values()].map((r) => r.done));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([all, new Promise((resolve) => (timer = setTimeout(resolve, SHUTDOWN_GRACE_MS)))]);
    clearTimeout(timer);
  }

  private async resumeOrphans(): Promise<void> {
    try {
      for (const job of await this.jobs.unfinished('api')) {
        if (!this.runs.has(job.id) && canTakeOver(job)) {
          this.logger.log({ jobId: job.id, status: job.status }, 'resuming import job');
          this.start(job.id);
        }
      }
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'could not look for import jobs to resume');
    }
  }
}
