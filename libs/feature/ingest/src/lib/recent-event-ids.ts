import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';

/**
 * Event ids this gateway appended recently. A re-delivery (source retry) is answered as a
 * duplicate without touching the log; a miss is harmless because the projections collapse
 * duplicates by event id anyway. Ids are remembered only after their append was durable.
 */
@Injectable()
export class RecentEventIds {
  private readonly seen = new LRUCache<string, true>({ max: 200_000 });

  has(eventId: string): boolean {
    return this.seen.has(eventId);
  }

  remember(eventIds: readonly string[]): void {
    for (const id of eventIds) this.seen.set(id, true);
  }
}
