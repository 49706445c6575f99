import { Logger } from '@nestjs/common';
import { IMPORT_UNITS, type FileOnDisk, type ImportRequest, leaseOwner } from '@flowlens/feature-imports';
import type { ImportJobEntity, ImportKind, ImportStatus } from '@flowlens/persistence';
import type { CliEnv } from '../../cli.env';
import { CliError } from '../../cli-error';
import { type ImportContext, openImportContext } from './import-context';
import { ImportProgressBar } from './import-progress';
import { describeApiError } from './readable-error';

const FAMILY: Readonly<Record<ImportKind, string>> = { 'jira-rest': 'jira', 'trello-rest': 'trello', 'jira-file': 'file', 'trello-file': 'file' };
const RESUMABLE: readonly ImportStatus[] = ['queued', 'running', 'failed', 'cancelled'];

/** Opens the database and the log, runs `work`, and always closes them. Nest's own logs stay quiet: the CLI reports. */
export async function withImportContext<T>(env: CliEnv, work: (ctx: ImportContext) => Promise<T>): Promise<T> {
  Logger.overrideLogger(false);
  const ctx = await openImportContext(env).catch((error: Error) => {
    throw new CliError(`cannot open the database or the event log: ${error.message}`);
  });
  try {
    return await work(ctx);
  } catch (error) {
    const api = describeApiError(error);
    throw api === null ? error : new CliError(api);
  } finally {
    await ctx.close().catch(() => undefined);
  }
}

export async function startImport(ctx: ImportContext, request: ImportRequest, onDisk?: FileOnDisk): Promise<void> {
  const job = await ctx.service.create(null, 'cli', request, onDisk);
  console.log(`import job ${job.id} (${job.kind}) started; resume with: flowlens import ${FAMILY[job.kind]} --resume ${job.id}`);
  await runToEnd(ctx, job.id, ['queued']);
}

/** `--resume <jobId>`: continues from the stored checkpoint, also after a failure or a cancel. */
export async function resumeImport(ctx: ImportContext, jobId: string, kinds: readonly ImportKind[]): Promise<void> {
  const job = await ctx.jobs.findById(jobId);
  if (!job) throw new CliError(`no import job ${jobId}`);
  if (!kinds.includes(job.kind)) throw new CliError(`import job ${jobId} is a ${job.kind} import: resume it with flowlens import ${FAMILY[job.kind]} --resume ${jobId}`);
  if (job.status === 'succeeded') {
    console.log(summary(job, 'had already succeeded'));
    return;
  }
  console.log(`resuming import job ${job.id} (${job.kind}) at ${job.itemsDone} ${IMPORT_UNITS[job.kind]}`);
  await runToEnd(ctx, job.id, RESUMABLE);
}

async function runToEnd(ctx: ImportContext, jobId: string, from: readonly ImportStatus[]): Promise<void> {
  const bar = new ImportProgressBar();
  const abort = new AbortController();
  const interrupt = () => abort.abort();
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  const started = Date.now();
  try {
    const outcome = await ctx.runner.run(jobId, { owner: leaseOwner('cli'), from, signal: abort.signal, onProgress: (job) => bar.update(job) });
    bar.stop();
    if (outcome.kind === 'not-claimed') throw new CliError(outcome.reason);
    const { job } = outcome;
    if (outcome.kind === 'stopped') {
      const why = outcome.reason === 'cancelled' ? 'was cancelled' : outcome.reason === 'aborted' ? 'was interrupted' : 'was taken over by another process';
      throw new CliError(`import job ${jobId} ${why} at ${job.itemsDone} ${IMPORT_UNITS[job.kind]}; resume with --resume ${jobId}`);
    }
    if (job.status === 'failed') throw new CliError(`import job ${jobId} failed: ${job.error ?? 'unknown error'} (resume with --resume ${jobId})`);
    console.log(summary(job, `succeeded in ${((Date.now() - started) / 1000).toFixed(1)} s`));
  } finally {
    bar.stop();
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  }
}

function summary(job: ImportJobEntity, what: string): string {
  const failures = job.failures > 0 ? `, ${job.failures} could not be converted (listed by GET /api/v1/imports/${job.id})` : '';
  const unit = IMPORT_UNITS[job.kind];
  const items = unit === 'events' ? '' : `${job.itemsDone.toLocaleString('en-US')} ${unit}, `;
  return `import job ${job.id} ${what}: ${items}${job.eventsAppended.toLocaleString('en-US')} events appended${failures}`;
}
