import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { dueSend } from './content/digest-week';
import { DigestRenderer } from './digest-renderer.service';
import { DigestStore } from './digest.store';
import { DIGESTS_OPTIONS, type DigestsOptions } from './digests.options';
import { orderedIds } from './digests.service';

/**
 * The weekly schedule, in the alerting process: each tick queues every digest whose local weekday
 * and hour have come this week and which was not sent this week (DigestStore.sendScheduled makes
 * that once across processes).
 */
@Injectable()
export class DigestScheduler implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(DigestScheduler.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly store: DigestStore,
    private readonly renderer: DigestRenderer,
    @Inject(DIGESTS_OPTIONS) private readonly options: DigestsOptions,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.tick(), this.options.tickMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One pass; answers how many digests this process queued. Overlapping calls share the pass. */
  tick(): Promise<number> {
    this.running ??= this.pass().finally(() => (this.running = null));
    return this.running;
  }

  private async pass(): Promise<number> {
    const now = this.options.clock.now();
    let sent = 0;
    try {
      for (const { digest, timezone } of await this.store.scheduled()) {
        const due = dueSend(digest, now, timezone);
        if (!due) continue;
        try {
          const channels = orderedIds(digest.channelIds, await this.store.liveChannels(digest.workspaceId, digest.channelIds));
          const { message } = await this.renderer.render(digest, now);
          const ids = await this.store.sendScheduled(digest, due, channels, message);
          if (ids) {
            sent++;
            this.logger.log(`digest "${digest.name}" for the week of ${message.digest.week} queued to ${ids.length} channel(s)`);
          }
        } catch (error) {
          this.logger.warn(`digest ${digest.id} not sent: ${(error as Error).message}`);
        }
      }
    } catch (error) {
      this.logger.warn(`digest schedule pass failed: ${(error as Error).message}`);
    }
    return sent;
  }
}
