import { Injectable } from '@nestjs/common';
import { ClickHouseStore, TABLES } from '@flowlens/clickhouse';
import { type CanonicalEvent, canonicalEventSchema } from '@flowlens/contracts';
import { buildTimelines, computeSprintPredictability, type SprintPredictability, type WorkflowMap } from '@flowlens/metrics';
import type { MetricQueryContext } from './query-context';

interface EventRow {
  workspace_id: string;
  event_id: string;
  type: string;
  source: string;
  connector_id: string;
  source_event_id: string;
  board_id: string;
  item_id: string;
  item_key: string;
  occurred_ms: number;
  received_ms: number;
  sequence: number;
  schema_version: number;
  payload: string;
}

/**
 * Sprint predictability and scope creep. Sprints involve few items, and membership over time
 * has fiddly rules, so this runs the reference implementation (@flowlens/metrics) on exactly the
 * events involved: every sprint event, and the events of items that were ever in a sprint.
 */
@Injectable()
export class SprintQuery {
  constructor(private readonly store: ClickHouseStore) {}

  async run(ctx: MetricQueryContext): Promise<SprintPredictability[]> {
    const events = this.store.table(TABLES.workItemEvents);
    // Sprints come only from sprint events: with none, skip the search for items ever in a sprint
    // (a scan of every item's timeline, seconds at 10^6 items, for a board page with no sprints).
    const [sprints] = await this.store.query<{ n: number }>(
      `SELECT count() AS n FROM (SELECT 1 FROM ${events} WHERE workspace_id = {ws:String} AND type IN ('SprintUpserted', 'SprintStarted', 'SprintClosed')
         AND occurred_at <= fromUnixTimestamp64Milli({asOf:Int64}) LIMIT 1)`,
      { ws: ctx.workspaceId, asOf: ctx.asOf },
    );
    if (Number(sprints?.n ?? 0) === 0) return [];
    const rows = await this.store.query<EventRow>(
      `SELECT workspace_id, event_id, type, source, connector_id, source_event_id, board_id, item_id, item_key,
              toUnixTimestamp64Milli(occurred_at) AS occurred_ms, toUnixTimestamp64Milli(received_at) AS received_ms,
              sequence, schema_version, payload
       FROM ${events}
       WHERE workspace_id = {ws:String} AND occurred_at <= fromUnixTimestamp64Milli({asOf:Int64})
         AND (type IN ('SprintUpserted', 'SprintStarted', 'SprintClosed') OR item_id IN (
           SELECT DISTINCT item_id FROM ${this.store.table(TABLES.itemTimelines)} ARRAY JOIN entries AS e
           WHERE workspace_id = {ws:String} AND e.kind = 'sprints' AND e.val != ''))`,
      { ws: ctx.workspaceId, asOf: ctx.asOf },
    );
    const canonical = rows.map(toCanonical).filter((e): e is CanonicalEvent => e !== null);
    const timelines = buildTimelines(canonical, { asOf: new Date(ctx.asOf).toISOString() });
    return computeSprintPredictability(timelines, {
      from: ctx.from,
      to: ctx.to,
      timezone: ctx.timezone,
      boardIds: ctx.boardIds,
      types: ctx.types,
      teams: ctx.teams,
      workflows: ctx.workflows as WorkflowMap[],
    });
  }
}

function toCanonical(row: EventRow): CanonicalEvent | null {
  const parsed = canonicalEventSchema.safeParse({
    eventId: row.event_id,
    workspaceId: row.workspace_id,
    connectorId: row.connector_id,
    source: row.source,
    sourceEventId: row.source_event_id,
    type: row.type,
    occurredAt: new Date(Number(row.occurred_ms)).toISOString(),
    receivedAt: new Date(Number(row.received_ms)).toISOString(),
    sequence: Number(row.sequence),
    schemaVersion: Number(row.schema_version),
    boardId: row.board_id || null,
    itemId: row.item_id || null,
    itemKey: row.item_key || null,
    payload: JSON.parse(row.payload) as unknown,
  });
  return parsed.success ? parsed.data : null;
}
