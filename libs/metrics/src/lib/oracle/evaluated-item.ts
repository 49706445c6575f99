import { resolveStage } from '../workflow/resolve-stage';
import { STARTED_CATEGORIES, type ResolvedStage, type WorkflowMap } from '../workflow/workflow-map.schema';
import type { ItemSnapshot, ItemTimeline } from './item-timeline';

/** From `at` until the next segment the item is in `stage`. */
export interface Segment {
  readonly at: number;
  readonly stage: ResolvedStage;
  /** Any block reason is set, or the stage is a blocked stage. */
  readonly blocked: boolean;
}

/** An item's timeline seen through the workflow maps of one query. */
export interface EvaluatedItem {
  readonly timeline: ItemTimeline;
  /** Chronological; the first starts at `createdAt`. */
  readonly segments: readonly Segment[];
  readonly current: Segment;
  readonly createdAt: number;
  readonly startedAt: number | null;
  readonly doneAt: number | null;
}

/**
 * Resolves every state of the item through the map of the board it was on at the time. An item
 * whose current category is `removed` is treated as removed over its whole life, so (as with
 * deletion) it leaves every figure except the CFD band of its current stage.
 */
export function evaluateItem(timeline: ItemTimeline, maps: ReadonlyMap<string, WorkflowMap>): EvaluatedItem {
  const { createdAt, snapshots } = timeline;
  const atCreation = snapshots.filter((snapshot) => snapshot.at <= createdAt).at(-1) ?? snapshots[0];
  const states = [{ ...atCreation, at: createdAt }, ...snapshots.filter((snapshot) => snapshot.at > createdAt)];
  let segments = states.map((state) => segmentOf(state, timeline, maps));
  const current = segments[segments.length - 1];
  if (current.stage.category === 'removed') segments = [{ ...current, at: createdAt }];
  return {
    timeline,
    segments,
    current: segments[segments.length - 1],
    createdAt,
    startedAt: segments.find((segment) => STARTED_CATEGORIES.has(segment.stage.category))?.at ?? null,
    doneAt: doneAtOf(segments),
  };
}

function segmentOf(state: ItemSnapshot, timeline: ItemTimeline, maps: ReadonlyMap<string, WorkflowMap>): Segment {
  // States before creation (the only ones without a status) never become segments.
  if (state.status === null) throw new Error(`item ${timeline.itemId} has no status at ${state.at}`);
  const stage = resolveStage(maps.get(state.boardId), timeline.source, state.status, state.archived);
  return { at: state.at, stage, blocked: stage.blocked || state.blockReasons.length > 0 };
}

/** Start of the final uninterrupted run of done segments, if the item is done now. */
function doneAtOf(segments: readonly Segment[]): number | null {
  let index = segments.length - 1;
  if (segments[index].stage.category !== 'done') return null;
  while (index > 0 && segments[index - 1].stage.category === 'done') index--;
  return segments[index].at;
}

/** The segment in force just before instant `x` (events strictly before `x`); null before creation. */
export function segmentBefore(item: EvaluatedItem, x: number): Segment | null {
  if (item.createdAt >= x) return null;
  let found = item.segments[0];
  for (const segment of item.segments) {
    if (segment.at >= x) break;
    found = segment;
  }
  return found;
}

/** The snapshot in force just before instant `x`, or null before creation. */
export function snapshotBefore(timeline: ItemTimeline, x: number): ItemSnapshot | null {
  if (timeline.createdAt >= x) return null;
  return timeline.snapshots.filter((snapshot) => snapshot.at < x).at(-1) ?? null;
}
