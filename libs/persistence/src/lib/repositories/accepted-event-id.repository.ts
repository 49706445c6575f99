import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { GroupCommit } from '@flowlens/platform';

/** How long an accepted event id keeps answering retries as duplicates. */
export const ACCEPTED_EVENT_ID_RETENTION_DAYS = 30;
const PRUNE_EVERY_MS = 60 * 60 * 1000;

/** An event id and when the log took it. */
export interface AppendedEventId {
  readonly eventId: string;
  readonly appendedAt: Date;
}

/**
 * The durable record of which event ids were appended to the log, so that the duplicate answer to
 * a source's retry survives restarts and is shared by every gateway. Lookups and inserts of
 * concurrent deliveries share one query each.
 *
 * On embedded PGlite this process is the database's only user (the data-dir lock sees to that), so
 * the ids are also kept in memory, loaded once and re-read after each prune: a lookup then costs no
 * query. Each id takes about 100 bytes; 30 days of 10,000 events a day is about 30 MB. There the
 * ids are written from the log after the fact ({@link recordAppended}), not before each 202.
 */
@Injectable()
export class AcceptedEventIdRepository {
  private readonly logger = new Logger(AcceptedEventIdRepository.name);
  private lastPrune = 0;
  private readonly lookups = new GroupCommit<readonly string[], ReadonlySet<string>>(async (lists) => {
    const rows: Array<{ event_id: string }> = await this.db.query('SELECT event_id::text AS event_id FROM accepted_event_ids WHERE event_id = ANY($1::uuid[])', [[...new Set(lists.flat())]]);
    return new Set(rows.map((r) => r.event_id));
  });
  private readonly inserts = new GroupCommit<readonly string[]>(async (lists) => {
    await this.db.query('INSERT INTO accepted_event_ids (event_id) SELECT DISTINCT unnest($1::uuid[]) ON CONFLICT DO NOTHING', [lists.flat()]);
  });

  private inMemory: Promise<Set<string>> | null = null;

  constructor(private readonly db: DataSource) {}

  /** The ids among `eventIds` (canonical event ids are UUIDs) recorded as accepted. */
  async known(eventIds: readonly string[]): Promise<Set<string>> {
    if (eventIds.length === 0) return new Set();
    const known = this.soleUser ? await this.allIds() : await this.lookups.add(eventIds);
    return new Set(eventIds.filter((id) => known.has(id.toLowerCase())));
  }

  /** Call only once the events are durable in the log. */
  async record(eventIds: readonly string[]): Promise<void> {
    if (eventIds.length === 0) return;
    await this.inserts.add(eventIds);
    await this.afterInsert(eventIds);
  }

  /**
   * Ids read back from the log, with their append time (a replay keeps their age for the
   * retention); ids already recorded are left as they are. One query for the whole list.
   */
  async recordAppended(appended: readonly AppendedEventId[]): Promise<void> {
    if (appended.length === 0) return;
    await this.db.query(
      'INSERT INTO accepted_event_ids (event_id, accepted_at) SELECT * FROM unnest($1::uuid[], $2::timestamptz[]) ON CONFLICT DO NOTHING',
      [appended.map((a) => a.eventId), appended.map((a) => a.appendedAt.toISOString())],
    );
    await this.afterInsert(appended.map((a) => a.eventId));
  }

  /** Embedded PGlite: no other process can write the table, so the ids can be held in memory. */
  get soleUser(): boolean {
    return !(this.db.options as { url?: string }).url;
  }

  private async afterInsert(eventIds: readonly string[]): Promise<void> {
    if (this.inMemory) {
      const all = await this.inMemory;
      for (const id of eventIds) all.add(id.toLowerCase());
    }
    if (Date.now() - this.lastPrune > PRUNE_EVERY_MS) {
      this.lastPrune = Date.now();
      void this.prune().catch((error: Error) => this.logger.warn(`could not prune accepted event ids: ${error.message}`));
    }
  }

  private async prune(): Promise<void> {
    await this.db.query(`DELETE FROM accepted_event_ids WHERE accepted_at < now() - make_interval(days => $1)`, [ACCEPTED_EVENT_ID_RETENTION_DAYS]);
    if (this.inMemory) this.inMemory = this.loadAll();
  }

  private allIds(): Promise<Set<string>> {
    this.inMemory ??= this.loadAll();
    return this.inMemory;
  }

  private async loadAll(): Promise<Set<string>> {
    try {
      const rows: Array<{ event_id: string }> = await this.db.query('SELECT event_id::text AS event_id FROM accepted_event_ids');
      return new Set(rows.map((r) => r.event_id));
    } catch (error) {
      this.inMemory = null; // the next lookup tries again
      throw error;
    }
  }
}
