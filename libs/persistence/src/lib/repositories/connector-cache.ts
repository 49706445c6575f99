import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { ConnectorRecord } from './connector.repository';

/** How long another process' change (rotate, update, delete) can go unseen by this one. */
export const CONNECTOR_CACHE_TTL_MS = 5_000;

/**
 * Connectors as webhook intake needs them on every delivery: looked up and their secret unsealed
 * once, not per request. Changes made through this process' ConnectorRepository invalidate the
 * entry at once; a change made by another process is seen within CONNECTOR_CACHE_TTL_MS, and
 * sooner for a rotated secret, because intake reloads an entry before refusing a signature.
 * Unknown ids are not cached, so a connector created elsewhere is usable at once.
 */
@Injectable()
export class ConnectorCache {
  private readonly entries = new LRUCache<string, Promise<ConnectorRecord | null>>({ max: 10_000, ttl: CONNECTOR_CACHE_TTL_MS });

  get(id: string, load: () => Promise<ConnectorRecord | null>): Promise<ConnectorRecord | null> {
    const cached = this.entries.get(id);
    if (cached) return cached;
    // Concurrent deliveries to a cold connector share one lookup.
    const loading = load().then(
      (record) => {
        if (record === null && this.entries.get(id) === loading) this.entries.delete(id);
        return record;
      },
      (error: unknown) => {
        if (this.entries.get(id) === loading) this.entries.delete(id);
        throw error;
      },
    );
    this.entries.set(id, loading);
    return loading;
  }

  /** Call after any change to the connector (update, secret rotation, delete). */
  invalidate(id: string): void {
    this.entries.delete(id);
  }
}
