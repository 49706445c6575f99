import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ALERTING_OPTIONS, type AlertingOptions } from '../alerting.options';
import { AlertEvaluationService, type CycleReport } from './alert-evaluation.service';

/** The advisory-lock key of the alert evaluator: one evaluating process per database. */
export const EVALUATOR_LOCK_KEY = 7_316_001;
const FIRST_CYCLE_MAX_DELAY_MS = 10_000;

/**
 * Runs an evaluation cycle every ALERT_INTERVAL_MS. Each cycle first takes a PostgreSQL session
 * advisory lock on a connection of its own (a process that dies mid-cycle releases it with that
 * connection), so however many alerting processes run, one evaluates at a time and the others skip
 * that tick. No transaction stays open over the cycle: each rule's changes commit on their own.
 * Cycles never overlap in one process: a slow cycle delays the next tick instead.
 */
@Injectable()
export class AlertScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AlertScheduler.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;
  /** Cycles this process ran (it held the lock), and the last one's report. */
  cycles = 0;
  last: CycleReport | null = null;

  constructor(
    @Inject(ALERTING_OPTIONS) private readonly options: AlertingOptions,
    private readonly evaluation: AlertEvaluationService,
    private readonly db: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    this.logger.log(`alert evaluation every ${this.options.intervalMs} ms`);
    // The first cycle comes soon after start, so a new deployment shows its alerts without waiting a period.
    this.schedule(Math.min(this.options.intervalMs, FIRST_CYCLE_MAX_DELAY_MS));
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One cycle now, if this process gets the lock; null when another process holds it. */
  async runOnce(): Promise<CycleReport | null> {
    const run = this.locked();
    this.running = run;
    try {
      return await run;
    } finally {
      this.running = null;
    }
  }

  /** The first cycle comes soon after start (at most 10 s), so a new deployment shows its alerts without waiting a whole period. */
  private schedule(delayMs = this.options.intervalMs): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.runOnce()
        .catch((error: unknown) => this.logger.error(`alert evaluation failed: ${(error as Error).message}`))
        .finally(() => this.schedule());
    }, delayMs);
    this.timer.unref();
  }

  private async locked(): Promise<CycleReport | null> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      const [row] = (await runner.query(`SELECT pg_try_advisory_lock($1) AS locked`, [EVALUATOR_LOCK_KEY])) as Array<{ locked: boolean }>;
      if (!row?.locked) return null;
      try {
        const report = await this.evaluation.cycle();
        this.cycles++;
        this.last = report;
        if (report.notifications || report.failed) this.logger.log(`alert cycle: ${report.rules} rules, ${report.notifications} notifications, ${report.failed} failed, ${report.ms} ms`);
        return report;
      } finally {
        await runner.query(`SELECT pg_advisory_unlock($1)`, [EVALUATOR_LOCK_KEY]);
      }
    } finally {
      await runner.release();
    }
  }
}
