import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';

export const ALERTING_OPTIONS = Symbol('ALERTING_OPTIONS');
export interface AlertingOptions {
  readonly intervalMs: number;
}

/**
 * The evaluation loop of the alerting service. Skeleton: it runs and reports, but rule storage,
 * metric evaluation and notification channels arrive with their own issue.
 */
@Injectable()
export class AlertScheduler implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(AlertScheduler.name);
  private timer: NodeJS.Timeout | null = null;
  runs = 0;

  constructor(@Inject(ALERTING_OPTIONS) private readonly options: AlertingOptions) {}

  onModuleInit(): void {
    this.timer = setInterval(() => this.tick(), this.options.intervalMs);
    this.timer.unref();
    this.logger.log(`alert evaluation every ${this.options.intervalMs} ms (no rules configured yet)`);
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private tick(): void {
    this.runs++;
  }
}
