import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { ClickHouseStore, TABLES } from '@flowlens/clickhouse';
import type { ItemLinkPayload } from '@flowlens/contracts';
import { foldRiskFields, isEpicType, resolveLinks, type LinkChange, type RiskFieldChange, type RiskInput, type RiskItem, type RiskRelease, type StageCategory } from '@flowlens/metrics';
import { EvaluatedItemsSource } from './evaluated-items.source';
import type { MetricQueryContext } from './query-context';
import { baseParams } from './query-params';

interface ItemRow {
  item_id: string;
  item_key: string;
  board_id: string;
  type: string;
  assignee_raw: string;
  created_at: string | number;
  started_at: string | number | null;
  done_at: string | number | null;
  category: string;
  blocked: number;
  blocked_since: string | number | null;
  reopened_at: Array<string | number>;
  /** (occurredAt ms, kind, value) of due, parent and versions entries, in source order. */
  risk_fields: Array<[string | number, string, string]>;
}


interface EventRow {
  type: string;
  board_id: string;
  payload: string;
  at: string | number;
}

/** How far back a present-time input reaches at least (366 days). */
const PRESENT_HORIZON_MS = 366 * 86_400_000;

const n = (v: string | number) => Number(v);
const nn = (v: string | number | null) => (v === null ? null : Number(v));

/**
 * Loads what the risk signals are computed from, at the context's instant: every live item of the
 * workspace (not only the scope: the SLE falls back to the team and the workspace) that is not
 * done, was done since `horizon`, or carries a version or parent, with the fields risk reads from
 * its snapshot (due date, parent, versions, with when they were set); releases; dependency links.
 */
@Injectable()
export class RiskInputQuery {
  /**
   * Present-time inputs by workspace, data version and workflow maps, each with the horizon it was
   * loaded from: every risk endpoint and board of a workspace reads the same input, which changes
   * only with new data. An input loaded from an earlier horizon serves a later one: what it holds
   * beyond (items done before the later horizon, with no version, parent or link) is outside every
   * window a request with that horizon reads, so its figures are the same.
   */
  private readonly cache = new LRUCache<string, { readonly horizon: number; readonly input: Promise<Omit<RiskInput, 't' | 'teamOfBoard'>> }>({ max: 16 });

  constructor(
    private readonly items: EvaluatedItemsSource,
    private readonly store: ClickHouseStore,
  ) {}

  async run(ctx: MetricQueryContext, horizon: number, teamOfBoard: ReadonlyMap<string, string>): Promise<RiskInput> {
    if (ctx.pointInTime) return { ...(await this.load(ctx, horizon)), t: ctx.asOf, teamOfBoard };
    const version = await this.store.dataVersion([TABLES.itemSnapshots, TABLES.itemTimelines, TABLES.workItemEvents]);
    const maps = createHash('sha256').update(JSON.stringify(ctx.workflows)).digest('hex');
    const key = [ctx.workspaceId, ctx.timezone, version, maps].join('\u0000');
    let entry = this.cache.get(key);
    if (!entry || entry.horizon > horizon) {
      // Loaded from a year back at least, so that one load serves every window of the last year
      // (a dashboard's windows move back and forth; each earlier one would load it again).
      const from = Math.min(horizon, ctx.asOf - PRESENT_HORIZON_MS);
      const loaded = { horizon: from, input: this.load(ctx, from) };
      loaded.input.catch(() => {
        if (this.cache.get(key) === loaded) this.cache.delete(key);
      });
      this.cache.set(key, loaded);
      entry = loaded;
    }
    return { ...(await entry.input), t: ctx.asOf, teamOfBoard };
  }

  private async load(ctx: MetricQueryContext, horizon: number): Promise<Omit<RiskInput, 't' | 'teamOfBoard'>> {
    const all = { ...ctx, boardIds: [], types: [], teams: [] };
    const events = await this.store.query<EventRow>(
      `SELECT ev_type AS type, ev_board AS board_id, ev_payload AS payload, at FROM (
         SELECT event_id, any(type) AS ev_type, any(board_id) AS ev_board, any(payload) AS ev_payload,
                toUnixTimestamp64Milli(min(occurred_at)) AS at, min(received_at) AS received
         FROM ${this.store.table(TABLES.workItemEvents)}
         WHERE workspace_id = {ws:String} AND item_id = '' AND type IN ('ReleaseUpserted', 'ItemLinkCreated', 'ItemLinkDeleted')
           AND occurred_at <= fromUnixTimestamp64Milli({asOf:Int64})
         GROUP BY event_id)
       WHERE received <= fromUnixTimestamp64Milli({knownAt:Int64})
       ORDER BY at, event_id`,
      baseParams(ctx),
    );
    const links = linkChangesOf(events);
    // Both ends of every link, however long ago they were done: a dependency is listed while its
    // dependent is not done, whatever became of its blocker (metrics.md "Dependencies").
    const ends = links.flatMap((l) => [l.payload.blocker, l.payload.dependent]);
    const rows = await this.items.query<ItemRow>(
      all,
      `SELECT item_id, item_key, board_id, type, assignee_raw, created_at, started_at, done_at, category, blocked, risk_fields,
              if(blocked = 1, seg_at[arrayLastIndex(b -> b = 0, seg_blocked) + 1], NULL) AS blocked_since,
              arrayFilter((a, c, p) -> p = 'done' AND c != 'done', seg_at, seg_cat, arrayPushFront(arrayPopBack(seg_cat), '')) AS reopened_at
       FROM items
       WHERE done_at IS NULL OR done_at >= {horizon:Int64} OR arrayExists(x -> x.2 IN ('versions', 'parent') AND x.3 != '', risk_fields)
          OR item_id IN {linkedIds:Array(String)} OR item_key IN {linkedKeys:Array(String)}`,
      { horizon, linkedIds: unique(ends.map((e) => e.id)), linkedKeys: unique(ends.map((e) => e.key)) },
    );
    const items = rows.map(toRiskItem);
    return { items, releases: releasesOf(events), links: resolveLinks(links, items), timezone: ctx.timezone };
  }
}

const unique = (values: ReadonlyArray<string | null>) => [...new Set(values.filter((v): v is string => v !== null))];

function toRiskItem(row: ItemRow): RiskItem {
  const changes = row.risk_fields.map(([at, kind, val]): RiskFieldChange => {
    if (kind === 'versions') return { at: n(at), kind, value: val === '' ? [] : val.split(US_CHAR) };
    return { at: n(at), kind: kind as 'due' | 'parent', value: val || null };
  });
  const assignee = row.assignee_raw === '' ? null : row.assignee_raw.split(US_CHAR)[0] || null;
  return {
    itemId: row.item_id,
    itemKey: row.item_key,
    boardId: row.board_id,
    type: row.type === '' ? null : row.type,
    assignee,
    isEpic: isEpicType(row.type),
    createdAt: n(row.created_at),
    startedAt: nn(row.started_at),
    doneAt: nn(row.done_at),
    category: row.category as StageCategory,
    blocked: Number(row.blocked) === 1,
    blockedSince: nn(row.blocked_since),
    reopenedAt: row.reopened_at.map(n),
    ...foldRiskFields(changes),
  };
}

const US_CHAR = '\u001f';

/**
 * The latest upsert of each release, on the latest board any upsert named: a Jira version webhook
 * carries no project key, and its missing board must not undo the board a back-fill had read.
 */
function releasesOf(events: readonly EventRow[]): RiskRelease[] {
  const byId = new Map<string, RiskRelease>();
  for (const event of events) {
    if (event.type !== 'ReleaseUpserted') continue;
    const p = JSON.parse(event.payload) as { releaseId: string; name: string; releaseDate: string | null; released: boolean; archived: boolean };
    const boardId = event.board_id || byId.get(p.releaseId)?.boardId || null;
    byId.set(p.releaseId, { releaseId: p.releaseId, name: p.name, boardId, releaseDate: p.releaseDate, released: p.released, archived: p.archived });
  }
  return [...byId.values()];
}

function linkChangesOf(events: readonly EventRow[]): LinkChange[] {
  return events
    .filter((event) => event.type === 'ItemLinkCreated' || event.type === 'ItemLinkDeleted')
    .map((event) => ({ type: event.type as LinkChange['type'], payload: JSON.parse(event.payload) as ItemLinkPayload, at: n(event.at) }));
}
