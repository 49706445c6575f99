import { SingleBar } from 'cli-progress';
import type { ImportJobEntity } from '@flowlens/persistence';
import { IMPORT_UNITS } from '@flowlens/feature-imports';

/**
 * The progress bar on stderr (stdout keeps the job id and the summary). It starts with the first
 * stored page, so a job that fails at once prints only its one error line. Without a terminal it
 * prints a line every second instead of redrawing.
 */
export class ImportProgressBar {
  private bar: SingleBar | null = null;

  update(job: ImportJobEntity): void {
    const total = Math.max(job.itemsTotal ?? job.itemsDone, job.itemsDone, 1);
    const payload = { unit: IMPORT_UNITS[job.kind], events: job.eventsAppended.toLocaleString('en-US'), failures: job.failures };
    if (!this.bar) {
      this.bar = new SingleBar({
        format: `{bar} {percentage}% | {value}/{total} {unit} | {events} events | {failures} failed | ETA {eta_formatted}`,
        stream: process.stderr,
        noTTYOutput: true,
        notTTYSchedule: 1000,
        etaBuffer: 20,
        hideCursor: true,
        gracefulExit: true,
      });
      this.bar.start(total, job.itemsDone, payload);
      return;
    }
    this.bar.setTotal(total);
    this.bar.update(job.itemsDone, payload);
  }

  stop(): void {
    this.bar?.stop();
    this.bar = null;
  }
}
