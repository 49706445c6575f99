import { Injectable, Logger } from '@nestjs/common';
import { type CanonicalEvent, TOPICS, topicKey } from '@flowlens/contracts';
import { EventLog, EventLogUnavailableError } from '@flowlens/event-log';
import { ConnectorRepository, type ImportFailureSample, type ImportJobEntity, ImportJobRepository, type ImportStatus } from '@flowlens/persistence';
import { describeImportError, ImportSourceError } from './import.errors';
import { canTakeOver, LEASE_MS } from './import-lease';
import { ImportSourceFactory } from './sources/import-source.factory';

/** Events per log append: large enough for throughput, small enough for one Kafka transaction. */
const APPEND_BATCH = 1000;
const MAX_FAILURE_SAMPLES = 20;
const LOG_RETRIES = 6;

export interface ImportRunOptions {
  /** Lease owner (see leaseOwner()). */
  readonly owner: string;
  /** Statuses the job may be resumed from (default queued and running; the CLI's --resume adds failed and cancelled). */
  readonly from?: readonly ImportStatus[];
  /** Aborting stops after the page in flight and leaves the job resumable. */
  readonly signal?: AbortSignal;
  /** Called after each stored checkpoint with the job as stored. */
  readonly onProgress?: (job: ImportJobEntity) => void;
  readonly sleep?: (ms: number) => Promise<void>;
}

export type ImportRunOutcome =
  | { readonly kind: 'finished'; readonly job: ImportJobEntity }
  | { readonly kind: 'stopped'; readonly job: ImportJobEntity; readonly reason: 'aborted' | 'cancelled' | 'lost-lease' }
  | { readonly kind: 'not-claimed'; readonly job: ImportJobEntity | null; readonly reason: string };

/**
 * Runs one import job: reads the source page by page from the stored checkpoint, appends each
 * page's canonical events to the log (the same topic and keys as webhooks), then stores the
 * checkpoint. A crash between the two repeats at most one page, which the deterministic event ids
 * collapse downstream. A heartbeat keeps the job's lease while it runs.
 */
@Injectable()
export class ImportRunner {
  private readonly logger = new Logger(ImportRunner.name);

  constructor(
    private readonly jobs: ImportJobRepository,
    private readonly connectors: ConnectorRepository,
    private readonly log: EventLog,
    private readonly sources: ImportSourceFactory,
  ) {}

  async run(jobId: string, options: ImportRunOptions): Promise<ImportRunOutcome> {
    const current = await this.jobs.findById(jobId);
    if (!current) return { kind: 'not-claimed', job: null, reason: `no import job ${jobId}` };
    if (current.leaseOwner !== null && !canTakeOver(current)) {
      return { kind: 'not-claimed', job: current, reason: `import job ${jobId} is running in another process (${current.leaseOwner})` };
    }
    const job = await this.jobs.claim(jobId, options.owner, LEASE_MS, current.leaseOwner, options.from);
    if (!job) {
      const now = await this.jobs.findById(jobId);
      return { kind: 'not-claimed', job: now, reason: `import job ${jobId} is ${now?.status ?? 'gone'} and cannot be run` };
    }
    this.logger.log({ jobId, kind: job.kind, connectorId: job.connectorId, resumed: job.checkpoint !== null }, 'import job started');
    const lost = new AbortController();
    const heartbeat = setInterval(() => {
      this.jobs.renew(jobId, options.owner, LEASE_MS).then(
        (held) => held || lost.abort(),
        (error: unknown) => this.logger.warn({ jobId, err: (error as Error).message }, 'import lease renewal failed'),
      );
    }, LEASE_MS / 6);
    heartbeat.unref();
    try {
      return await this.pump(job, options, lost.signal);
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async pump(job: ImportJobEntity, options: ImportRunOptions, lost: AbortSignal): Promise<ImportRunOutcome> {
    const stopped = async (reason: 'aborted' | 'cancelled' | 'lost-lease'): Promise<ImportRunOutcome> => {
      if (reason === 'aborted') await this.jobs.release(job.id, options.owner);
      const now = (await this.jobs.findById(job.id)) ?? job;
      this.logger.log({ jobId: job.id, reason, status: now.status }, 'import job stopped');
      return { kind: 'stopped', job: now, reason: now.status === 'cancelled' ? 'cancelled' : reason };
    };
    let counters = { eventsAppended: job.eventsAppended, failures: job.failures, samples: [...job.failureSamples] };
    try {
      const connector = await this.connectors.findById(job.connectorId);
      if (!connector) throw new ImportSourceError(`connector ${job.connectorId} no longer exists`);
      const ctx = { workspaceId: job.workspaceId, connectorId: connector.id, receivedAt: job.createdAt.toISOString(), settings: connector.settings };
      const source = this.sources.create(job, await this.jobs.loadInputs(job.id), ctx);
      for await (const page of source.pages(job.checkpoint)) {
        if (options.signal?.aborted) return await stopped('aborted');
        if (lost.aborted) return await stopped('lost-lease');
        await this.append(page.events, options);
        counters = {
          eventsAppended: counters.eventsAppended + page.events.length,
          failures: counters.failures + page.failures.length,
          samples: [...counters.samples, ...page.failures].slice(0, MAX_FAILURE_SAMPLES) as ImportFailureSample[],
        };
        const held = await this.jobs.saveProgress(job.id, options.owner, LEASE_MS, {
          itemsDone: page.progress.done,
          itemsTotal: page.progress.total,
          eventsAppended: counters.eventsAppended,
          failures: counters.failures,
          failureSamples: counters.samples,
          checkpoint: page.checkpoint,
        });
        if (!held) return await stopped('lost-lease');
        if (options.onProgress) {
          const stored = await this.jobs.findById(job.id);
          if (stored) options.onProgress(stored);
        }
      }
      return await this.finish(job, options.owner, 'succeeded', null);
    } catch (error) {
      if (options.signal?.aborted) return await stopped('aborted');
      const message = describeImportError(error);
      if (!(error instanceof ImportSourceError)) this.logger.warn({ jobId: job.id, err: error }, 'import job failed');
      return await this.finish(job, options.owner, 'failed', message);
    }
  }

  private async finish(job: ImportJobEntity, owner: string, status: 'succeeded' | 'failed', error: string | null): Promise<ImportRunOutcome> {
    const finished = await this.jobs.finish(job.id, owner, status, error);
    if (!finished) {
      const now = (await this.jobs.findById(job.id)) ?? job;
      return { kind: 'stopped', job: now, reason: now.status === 'cancelled' ? 'cancelled' : 'lost-lease' };
    }
    this.logger.log({ jobId: job.id, status, items: finished.itemsDone, events: finished.eventsAppended, failures: finished.failures }, 'import job finished');
    return { kind: 'finished', job: finished };
  }

  /** Appends in batches; a log outage is waited out for a while (unless the run is being stopped) before the job fails. */
  private async append(events: readonly CanonicalEvent[], options: ImportRunOptions): Promise<void> {
    const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    for (let i = 0; i < events.length; i += APPEND_BATCH) {
      const records = events.slice(i, i + APPEND_BATCH).map((e) => ({ key: topicKey(e.workspaceId, e.itemId ?? e.boardId), value: JSON.stringify(e), headers: { type: e.type } }));
      for (let attempt = 0; ; attempt++) {
        try {
          await this.log.append([{ topic: TOPICS.workItemEvents, records }]);
          break;
        } catch (error) {
          if (!(error instanceof EventLogUnavailableError) || attempt >= LOG_RETRIES || options.signal?.aborted) throw error;
          await sleep(500 * 2 ** attempt);
        }
      }
    }
  }
}
