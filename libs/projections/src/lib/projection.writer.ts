import { Injectable } from '@nestjs/common';
import type { CanonicalEvent, DeadLetter, RawWebhook } from '@flowlens/contracts';
import { ClickHouseStore, TABLES } from '@flowlens/clickhouse';
import { TimeSlice } from '@flowlens/platform';
import { ITEM_SNAPSHOT_COLUMNS, itemSnapshotsSql } from './item-snapshots.sql';
import { type ProjectionRows, toProjectionRows } from './projection-rows.mapper';

const SNAPSHOT_COLUMNS = `(${ITEM_SNAPSHOT_COLUMNS.join(', ')})`;
/** Events mapped between two checks of the time slice. */
const EVENTS_PER_STEP = 200;

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
    const rows = await toProjectionRowsInSlices(events);
    await this.store.insert(TABLES.workItemEvents, rows.events);
    await this.store.insert(TABLES.itemTimelines, rows.timelines);
    if (options.refreshSnapshots === false) return;
    const byWorkspace = new Map<string, Set<string>>();
    for (const t of rows.timelines) {
      const ids = byWorkspace.get(t.workspace_id) ?? new Set<string>();
      ids.add(t.item_id);
      byWorkspace.set(t.workspace_id, ids);
    }
    for (const [ws, ids] of byWorkspace) await this.refreshSnapshots(ws, [...ids]);
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

/**
 * toProjectionRows over a large batch, a step at a time, giving the event loop a turn whenever a
 * slice is spent (webhooks are answered on the same loop). An item whose events fall in two steps
 * gets two timeline rows; the table merges them (groupUniqArrayArray), as it does across batches.
 */
async function toProjectionRowsInSlices(events: readonly CanonicalEvent[]): Promise<ProjectionRows> {
  if (events.length <= EVENTS_PER_STEP) return toProjectionRows(events);
  const rows: ProjectionRows = { events: [], timelines: [] };
  const slice = new TimeSlice();
  for (let start = 0; start < events.length; start += EVENTS_PER_STEP) {
    if (slice.due()) await slice.next();
    const step = toProjectionRows(events.slice(start, start + EVENTS_PER_STEP));
    rows.events.push(...step.events);
    rows.timelines.push(...step.timelines);
  }
  return rows;
}
