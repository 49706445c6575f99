import { Injectable } from '@nestjs/common';
import { ClickHouseStore, TABLES } from '@flowlens/clickhouse';
import { hasMaps, sourceOf } from './evaluated-items.source';
import { evaluatedItemsSql } from './item-evaluation.sql';
import type { MetricQueryContext } from './query-context';
import { baseParams } from './query-params';

export interface ItemView {
  readonly itemKey: string;
  readonly itemId: string;
  readonly title: string | null;
  readonly type: string | null;
  readonly status: string;
  readonly stage: string;
  readonly stageCategory: string;
  readonly boardId: string;
  readonly assignee: { id: string; name: string | null } | null;
  readonly team: string | null;
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly doneAt: string | null;
  readonly blocked: boolean;
}

export interface TimelineSegment {
  readonly from: string;
  /** When the next segment began; null for the current one. */
  readonly to: string | null;
  readonly stage: string;
  readonly category: string;
  readonly status: string;
  readonly blocked: boolean;
  /** Time in this segment, up to the evaluation instant for the current one. */
  readonly days: number;
}

interface Row {
  item_id: string;
  item_key: string;
  title: string;
  type: string;
  team: string;
  status_name: string;
  stage: string;
  category: string;
  board_id: string;
  assignee_raw: string;
  created_at: number;
  started_at: number | null;
  done_at: number | null;
  blocked: number;
  deleted: number;
  seg_at: number[];
  seg_stage: string[];
  seg_cat: string[];
  seg_status: string[];
  seg_blocked: number[];
}

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

/** One work item by its current key, else by its source id; null when unknown or deleted. */
@Injectable()
export class ItemQuery {
  constructor(private readonly store: ClickHouseStore) {}

  /** The item's segments (stage and status over time, blocked or not) with the time spent in each. */
  async timeline(ctx: MetricQueryContext, keyOrId: string): Promise<{ itemKey: string; segments: TimelineSegment[] } | null> {
    const row = await this.row(ctx, keyOrId);
    if (!row) return null;
    const segments = row.seg_at.map((at, i) => {
      const next = row.seg_at[i + 1];
      const end = next ?? ctx.asOf;
      return {
        from: new Date(Number(at)).toISOString(),
        to: next === undefined ? null : new Date(Number(next)).toISOString(),
        stage: row.seg_stage[i] as string,
        category: row.seg_cat[i] as string,
        status: row.seg_status[i] as string,
        blocked: Boolean(row.seg_blocked[i]),
        days: Math.max(0, Number(end) - Number(at)) / 86_400_000,
      };
    });
    return { itemKey: row.item_key, segments };
  }

  async find(ctx: MetricQueryContext, keyOrId: string): Promise<ItemView | null> {
    const row = await this.row(ctx, keyOrId);
    return row ? this.view(row) : null;
  }

  private async row(ctx: MetricQueryContext, keyOrId: string): Promise<Row | null> {
    const candidates = `AND item_id IN (
      SELECT item_id FROM ${this.store.table(TABLES.workItemEvents)}
      WHERE workspace_id = {ws:String} AND (item_key = {key:String} OR item_id = {key:String}))`;
    const rows = await this.store.query<Row>(
      `SELECT item_id, item_key, title, type, team, status_name, stage, category, board_id, assignee_raw, created_at, started_at, done_at, blocked, deleted,
              seg_at, seg_stage, seg_cat, seg_status, seg_blocked
       FROM (${evaluatedItemsSql(this.store, sourceOf(ctx), candidates, hasMaps(ctx))})
       WHERE item_key = {key:String} OR item_id = {key:String}
       ORDER BY item_key = {key:String} DESC, item_id`,
      { ...baseParams(ctx), key: keyOrId },
    );
    const row = rows[0];
    return !row || row.deleted ? null : row;
  }

  private view(row: Row): ItemView {
    const [assigneeId, assigneeName] = row.assignee_raw ? row.assignee_raw.split('\u001f') : [];
    return {
      itemKey: row.item_key,
      itemId: row.item_id,
      title: row.title || null,
      type: row.type || null,
      status: row.status_name,
      stage: row.stage,
      stageCategory: row.category,
      boardId: row.board_id,
      assignee: assigneeId ? { id: assigneeId, name: assigneeName || null } : null,
      team: row.team || null,
      createdAt: iso(row.created_at) as string,
      startedAt: iso(row.started_at),
      doneAt: iso(row.done_at),
      blocked: Boolean(row.blocked),
    };
  }
}
