import { Injectable } from '@nestjs/common';
import type { CanonicalEvent, DeadLetter, RawWebhook } from '@flowlens/contracts';
import { ClickHouseStore, TABLES } from '@flowlens/clickhouse';
import { ITEM_SNAPSHOT_COLUMNS, itemSnapshotsSql } from './item-snapshots.sql';

const SNAPSHOT_COLUMNS = `(${ITEM_SNAPSHOT_COLUMNS.join(', ')})`;
import { toProjectionRows } from './projection-rows.mapper';

/** Every entry counts when materialising the present. */
const END_OF_TIME = Number.MAX_SAFE_INTEGER;

/**
 * Writes projection rows. Every method resolves only after ClickHouse accepted all rows; it
 * throws otherwise, so the caller does not commit its log offsets and the batch comes again.
 * Re-writing a batch is harmless: event rows collapse by event id, timeline entries by value.
 */
@Injectable()
export class ProjectionWriter {
  constructor(private readonly store: ClickHouseStore) {}

  /**
   * Writes the events' rows and refreshes the snapshots of the items they touch. A bulk loader may
   * pass `refreshSnapshots: false` and call {@link refreshSnapshots} once per many batches.
   */
  async writeEvents(events: readonly CanonicalEvent[], options: { refreshSnapshots?: boolean } = {}): Promise<void> {
    const rows = toProjectionRows(events);
    await this.store.insert(TABLES.workItemEvents, rows.events);
    await this.store.insert(TABLES.itemTimelines, rows.timelines);
    if (options.refreshSnapshots === false) return;
    const byWorkspace = new Map<string, string[]>();
    for (const t of rows.timelines) {
      const ids = byWorkspace.get(t.workspace_id) ?? [];
      ids.push(t.item_id);
      byWorkspace.set(t.workspace_id, ids);
    }
    for (const [ws, ids] of byWorkspace) await this.refreshSnapshots(ws, ids);
  }

  /** Recomputes the snapshots of items from their whole timelines (order of arrival never matters). */
  async refreshSnapshots(workspaceId: string, itemIds: readonly string[]): Promise<void> {
    if (itemIds.length === 0) return;
    await this.store.command(
      `INSERT INTO ${this.store.table(TABLES.itemSnapshots)} ${SNAPSHOT_COLUMNS} ${itemSnapshotsSql(this.store, 'AND item_id IN {ids:Array(String)}')}`,
      { ws: workspaceId, ids: itemIds, asOf: END_OF_TIME, knownAt: END_OF_TIME },
    );
  }

  async writeRawWebhooks(raws: readonly RawWebhook[]): Promise<void> {
    await this.store.insert(
      TABLES.rawWebhooks,
      raws.map((r) => ({
        workspace_id: r.workspaceId,
        connector_id: r.connectorId,
        source: r.source,
        delivery_id: r.deliveryId,
        received_at: r.receivedAt,
        outcome: r.outcome,
        note: r.note ?? '',
        event_ids: r.eventIds,
        headers: r.headers,
        body: r.body,
      })),
    );
  }

  async writeDeadLetters(letters: readonly DeadLetter[], status: 'open' | 'redriven' | 'discarded' = 'open'): Promise<void> {
    const now = new Date().toISOString();
    await this.store.insert(
      TABLES.deadLetters,
      letters.map((d) => ({
        workspace_id: d.workspaceId,
        delivery_id: d.deliveryId,
        connector_id: d.connectorId,
        source: d.source,
        received_at: d.receivedAt,
        reason: d.reason,
        body: d.body,
        status,
        updated_at: now,
      })),
    );
  }

  /**
   * Recomputes every snapshot of a workspace (or of every workspace) in one aggregation, for bulk
   * loads and rebuilds that wrote their events with `refreshSnapshots: false`.
   */
  async refreshAllSnapshots(workspaceId?: string): Promise<void> {
    const workspaces = workspaceId
      ? [workspaceId]
      : (await this.store.query<{ ws: string }>(`SELECT DISTINCT workspace_id AS ws FROM ${this.store.table(TABLES.itemTimelines)}`)).map((r) => r.ws);
    for (const ws of workspaces) {
      await this.store.command(
        `INSERT INTO ${this.store.table(TABLES.itemSnapshots)} ${SNAPSHOT_COLUMNS} ${itemSnapshotsSql(this.store)} SETTINGS optimize_aggregation_in_order = 1`,
        { ws, asOf: END_OF_TIME, knownAt: END_OF_TIME },
      );
    }
  }

  /** Empties every projection (rebuild from the log follows). */
  async truncateAll(): Promise<void> {
    for (const table of [TABLES.workItemEvents, TABLES.itemTimelines, TABLES.itemSnapshots, TABLES.rawWebhooks, TABLES.deadLetters]) {
      await this.store.command(`TRUNCATE TABLE IF EXISTS ${this.store.table(table)}`);
    }
  }
}
