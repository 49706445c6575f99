import type { CanonicalEvent, CanonicalEventOf, ItemLinkPayload } from '@flowlens/contracts';
import { instantMs } from '../time/duration.util';
import type { WorkflowMap } from '../workflow/workflow-map.schema';
import { foldRiskFields, resolveLinks, type LinkChange, type RiskFieldChange } from '../risk/risk-fields';
import { isEpicType, type RiskInput, type RiskItem, type RiskRelease } from '../risk/risk-item';
import { buildTimelines } from './build-timelines';
import { evaluateItem, type EvaluatedItem } from './evaluated-item';
import { knownEvents } from './event-stream';

export interface RiskOracleOptions {
  /** Evaluation instant (ISO); also the point in time the events are read at. */
  readonly at: string;
  /** Whether only what was known at `at` counts (asOf), or every event (now). */
  readonly pointInTime: boolean;
  readonly timezone: string;
  readonly workflows?: readonly WorkflowMap[];
  readonly teamOfBoard?: ReadonlyMap<string, string>;
}

/** The in-memory reference of what the risk signals read, straight from the canonical events. */
export function riskInputOf(events: readonly CanonicalEvent[], options: RiskOracleOptions): RiskInput {
  const t = instantMs(options.at);
  const asOf = options.pointInTime ? t : null;
  const timelines = buildTimelines(events, options.pointInTime ? { asOf: options.at } : { now: options.at });
  const maps = new Map<string, WorkflowMap>();
  for (const map of options.workflows ?? []) if (!maps.has(map.boardId)) maps.set(map.boardId, map);
  const known = knownEvents(events, asOf);
  const changes = new Map<string, RiskFieldChange[]>();
  for (const { event, occurredMs } of known) {
    if (event.itemId === null) continue;
    const fields = event.type === 'WorkItemCreated' ? event.payload.fields : event.type === 'WorkItemUpdated' ? event.payload.changes : null;
    if (!fields) continue;
    const list = changes.get(event.itemId) ?? [];
    if (fields.dueDate !== undefined) list.push({ at: occurredMs, kind: 'due', value: fields.dueDate });
    if (fields.parentId !== undefined) list.push({ at: occurredMs, kind: 'parent', value: fields.parentId });
    if (fields.fixVersions !== undefined) list.push({ at: occurredMs, kind: 'versions', value: fields.fixVersions });
    changes.set(event.itemId, list);
  }
  const items = timelines.items
    .filter((timeline) => !timeline.deleted)
    .map((timeline) => riskItemOf(evaluateItem(timeline, maps), changes.get(timeline.itemId) ?? []));
  const releases = new Map<string, RiskRelease>();
  const links: LinkChange[] = [];
  for (const { event, occurredMs } of known) {
    if (event.type === 'ReleaseUpserted') {
      const p = (event as CanonicalEventOf<'ReleaseUpserted'>).payload;
      // A board-less upsert (a Jira version webhook) keeps the board an earlier upsert named.
      releases.set(p.releaseId, { ...p, boardId: event.boardId ?? releases.get(p.releaseId)?.boardId ?? null });
    }
    if (event.type === 'ItemLinkCreated' || event.type === 'ItemLinkDeleted') {
      links.push({ type: event.type, payload: event.payload as ItemLinkPayload, at: occurredMs });
    }
  }
  return { items, releases: [...releases.values()], links: resolveLinks(links, items), t, timezone: options.timezone, teamOfBoard: options.teamOfBoard ?? new Map() };
}

function riskItemOf(item: EvaluatedItem, changes: readonly RiskFieldChange[]): RiskItem {
  const { segments, timeline } = item;
  const last = segments.length - 1;
  let spell = last;
  while (spell > 0 && segments[spell - 1].blocked) spell--;
  const reopenedAt: number[] = [];
  for (let i = 1; i < segments.length; i++) {
    if (segments[i - 1].stage.category === 'done' && segments[i].stage.category !== 'done') reopenedAt.push(segments[i].at);
  }
  return {
    itemId: timeline.itemId,
    itemKey: timeline.itemKey,
    boardId: timeline.boardId,
    type: timeline.fields.type ?? null,
    assignee: timeline.fields.assignee?.id ?? null,
    isEpic: isEpicType(timeline.fields.type),
    createdAt: item.createdAt,
    startedAt: item.startedAt,
    doneAt: item.doneAt,
    category: item.current.stage.category,
    blocked: item.current.blocked,
    blockedSince: item.current.blocked ? segments[spell].at : null,
    reopenedAt,
    ...foldRiskFields(changes),
  };
}
