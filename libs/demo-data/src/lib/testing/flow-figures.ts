import type { CanonicalEvent } from '@flowlens/contracts';

/**
 * Test-only: the flow figures of docs/design metrics.md, computed straight from canonical events
 * with the default Jira workflow map (todo -> backlog, in_progress -> active, done -> done).
 * Written here because this library (scope:ingest) may not import the metrics oracle.
 */
export type Stage = 'backlog' | 'active' | 'done';

export interface ItemHistory {
  readonly itemId: string;
  readonly boardId: string;
  readonly type: string | null;
  readonly createdAt: number;
  /** Stage entries in source-time order. */
  readonly stages: ReadonlyArray<{ readonly at: number; readonly stage: Stage }>;
  readonly deletedAt: number | null;
  readonly blockedReasons: ReadonlySet<string>;
}

const STAGE_OF = { todo: 'backlog', in_progress: 'active', done: 'done' } as const;
const DAY = 86_400_000;

const ms = (iso: string) => Date.parse(iso);

export function itemHistories(events: readonly CanonicalEvent[]): ItemHistory[] {
  const ordered = [...events].sort((a, b) => ms(a.occurredAt) - ms(b.occurredAt) || a.sequence - b.sequence);
  const items = new Map<string, { itemId: string; boardId: string; type: string | null; createdAt: number; stages: Array<{ at: number; stage: Stage }>; deletedAt: number | null; blockedReasons: Set<string> }>();
  for (const event of ordered) {
    if (event.itemId === null) continue;
    const at = ms(event.occurredAt);
    if (event.type === 'WorkItemCreated') {
      const category = event.payload.status.category;
      if (category === null) throw new Error(`item ${event.itemKey} created without a status category`);
      items.set(event.itemId, { itemId: event.itemId, boardId: event.boardId, type: event.payload.fields.type, createdAt: at, stages: [{ at, stage: STAGE_OF[category] }], deletedAt: null, blockedReasons: new Set() });
      continue;
    }
    const item = items.get(event.itemId);
    if (!item) throw new Error(`${event.type} of ${event.itemKey} before its creation`);
    if (event.type === 'WorkItemStatusChanged') {
      const category = event.payload.to.category;
      if (category === null) throw new Error(`status change of ${event.itemKey} without a category`);
      item.stages.push({ at, stage: STAGE_OF[category] });
    } else if (event.type === 'WorkItemDeleted') {
      item.deletedAt = at;
    } else if (event.type === 'WorkItemBlocked') {
      item.blockedReasons.add(event.payload.reason);
    }
  }
  return [...items.values()];
}

export function stageAt(item: ItemHistory, at: number): Stage | null {
  let stage: Stage | null = null;
  for (const entry of item.stages) {
    if (entry.at > at) break;
    stage = entry.stage;
  }
  return stage;
}

export function startedAt(item: ItemHistory): number | null {
  return item.stages.find((entry) => entry.stage !== 'backlog')?.at ?? null;
}

/** The last entry into done, if the item is done at `at`. */
export function doneAt(item: ItemHistory, at: number): number | null {
  if (stageAt(item, at) !== 'done') return null;
  const entries = item.stages.filter((entry) => entry.at <= at && entry.stage === 'done');
  return entries[entries.length - 1]?.at ?? null;
}

export function wipAt(items: readonly ItemHistory[], at: number): number {
  return items.filter((item) => item.deletedAt === null && stageAt(item, at) === 'active').length;
}

export function cycleTimeDays(item: ItemHistory, at: number): number | null {
  const done = doneAt(item, at);
  const start = startedAt(item);
  return done === null || start === null ? null : (done - start) / DAY;
}

/** Linear interpolation between closest ranks (numpy's default, Excel's PERCENTILE.INC). */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) throw new RangeError('no values');
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const lowValue = sorted[low] ?? 0;
  return lowValue + ((sorted[high] ?? lowValue) - lowValue) * (rank - low);
}

export { DAY };
