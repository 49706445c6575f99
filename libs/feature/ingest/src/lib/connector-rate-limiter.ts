import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { ThrottlerStorageService } from '@nestjs/throttler';
import type { ConnectorRecord } from '@flowlens/persistence';
import { ApiError } from '@flowlens/platform';

const WINDOW_MS = 60_000;

/** The opt-in per-connector limit (`settings.rateLimitPerMinute`); without the setting nothing is limited. */
@Injectable()
export class ConnectorRateLimiter implements OnModuleDestroy {
  private readonly storage = new ThrottlerStorageService();

  /** Counts one delivery; over the limit, throws 429 with the seconds to wait (sent as Retry-After). */
  async take(connector: ConnectorRecord): Promise<void> {
    const limit = connector.settings['rateLimitPerMinute'];
    if (typeof limit !== 'number' || limit <= 0) return;
    const record = await this.storage.increment(`connector:${connector.id}`, WINDOW_MS, limit, 0, 'connector');
    if (record.isBlocked || record.totalHits > limit) {
      const retryAfter = Math.max(1, record.isBlocked ? record.timeToBlockExpire : record.timeToExpire);
      throw ApiError.tooManyRequests(`this connector accepts at most ${limit} deliveries a minute; retry in ${retryAfter} s`, retryAfter);
    }
  }

  onModuleDestroy(): void {
    this.storage.onApplicationShutdown();
  }
}
