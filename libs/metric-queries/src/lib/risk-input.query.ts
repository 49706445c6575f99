import { Injectable } from '@nestjs/common';
import { ClickHouseStore, TABLES } from '@flowlens/clickhouse';
import type { ItemLinkPayload } from '@flowlens/contracts';
import { foldRiskFields, isEpicType, resolveLinks, type LinkChange, type RiskFieldChange, type RiskInput, type RiskItem, type RiskLink, type RiskRelease, type StageCategory } from '@flowlens/metrics';
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
}

interface ExtraRow {
  item_id: string;
  es: Array<[string | number, string, string]>;
}

interface EventRow {
  type: string;
  board_id: string;
  payload: string;
  at: string | number;
}

const n = (v: string | number) => Number(v);
const nn = (v: string | number | null) => (v === null ? null : Number(v));

/**
 * Loads what the risk signals are computed from, at the context's instant: every live item of the
 * workspace (not only the scope: the SLE falls back to the team and the workspace) that is not
 * done, was done since `horizon`, or carries a version or parent; the fields risk reads from the
 * timelines (due date, parent, versions, with when they were set); releases; dependency links.
 */
@Injectable()
export class RiskInputQuery {
  constructor(
    private readonly items: EvaluatedItemsSource,
    private readonly store: ClickHouseStore,
  ) {}

  async run(ctx: MetricQueryContext, horizon: number, teamOfBoard: ReadonlyMap<string, string>): Promise<RiskInput> {
    const all = { ...ctx, boardIds: [], types: [], teams: [] };
    const timelines = this.store.table(TABLES.itemTimelines);
    const [rows, extras, events] = await Promise.all([
      this.items.query<ItemRow>(
        all,
        `SELECT item_id, item_key, board_id, type, assignee_raw, created_at, started_at, done_at, category, blocked,
                if(blocked = 1, seg_at[arrayLastIndex(b -> b = 0, seg_blocked) + 1], NULL) AS blocked_since,
                arrayFilter((a, c, p) -> p = 'done' AND c != 'done', seg_at, seg_cat, arrayPushFront(arrayPopBack(seg_cat), '')) AS reopened_at
         FROM items
         WHERE done_at IS NULL OR done_at >= {horizon:Int64}
            OR item_id IN (SELECT item_id FROM ${timelines} WHERE workspace_id = {ws:String}
                           AND arrayExists(x -> x.5 IN ('versions', 'parent') AND x.6 != '', entries))`,
        { horizon },
      ),
      this.store.query<ExtraRow>(
        `SELECT item_id, arrayMap(x -> (x.1, x.5, x.6), arraySort(x -> (x.1, x.2, x.4),
                  arrayFilter(x -> x.5 IN ('due', 'parent', 'versions') AND x.1 <= {asOf:Int64} AND x.3 <= {asOf:Int64},
                    groupUniqArrayArray(entries)))) AS es
         FROM ${timelines} WHERE workspace_id = {ws:String}
         GROUP BY item_id HAVING length(es) > 0`,
        baseParams(ctx),
      ),
      this.store.query<EventRow>(
        `SELECT ev_type AS type, ev_board AS board_id, ev_payload AS payload, at FROM (
           SELECT event_id, any(type) AS ev_type, any(board_id) AS ev_board, any(payload) AS ev_payload,
                  toUnixTimestamp64Milli(min(occurred_at)) AS at, min(received_at) AS received
           FROM ${this.store.table(TABLES.workItemEvents)}
           WHERE workspace_id = {ws:String} AND item_id = '' AND type IN ('ReleaseUpserted', 'ItemLinkCreated', 'ItemLinkDeleted')
             AND occurred_at <= fromUnixTimestamp64Milli({asOf:Int64})
           GROUP BY event_id)
         WHERE received <= fromUnixTimestamp64Milli({asOf:Int64})
         ORDER BY at, event_id`,
        baseParams(ctx),
      ),
    ]);
    const extraOf = new Map(extras.map((row) => [row.item_id, row.es]));
    const items = rows.map((row) => toRiskItem(row, extraOf.get(row.item_id) ?? []));
    return {
      items,
      releases: releasesOf(events),
      links: linksOf(events, items),
      t: ctx.asOf,
      timezone: ctx.timezone,
      teamOfBoard,
    };
  }
}

function toRiskItem(row: ItemRow, es: ExtraRow['es']): RiskItem {
  const changes = es.map(([at, kind, val]): RiskFieldChange => {
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

/** The latest upsert of each release. */
function releasesOf(events: readonly EventRow[]): RiskRelease[] {
  const byId = new Map<string, RiskRelease>();
  for (const event of events) {
    if (event.type !== 'ReleaseUpserted') continue;
    const p = JSON.parse(event.payload) as { releaseId: string; name: string; releaseDate: string | null; released: boolean; archived: boolean };
    byId.set(p.releaseId, { releaseId: p.releaseId, name: p.name, boardId: event.board_id || null, releaseDate: p.releaseDate, released: p.released, archived: p.archived });
  }
  return [...byId.values()];
}

function linksOf(events: readonly EventRow[], items: readonly RiskItem[]): RiskLink[] {
  const changes = events
    .filter((event) => event.type === 'ItemLinkCreated' || event.type === 'ItemLinkDeleted')
    .map((event) => ({ type: event.type as LinkChange['type'], payload: JSON.parse(event.payload) as ItemLinkPayload, at: n(event.at) }));
  return resolveLinks(changes, items);
}
