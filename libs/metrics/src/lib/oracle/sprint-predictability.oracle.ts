import { instantMs, isoOf } from '../time/duration.util';
import type { Timelines } from './build-timelines';
import { segmentBefore, snapshotBefore, type EvaluatedItem } from './evaluated-item';
import { compareKeys, metricContext } from './metric-context';
import type { MetricQuery } from './metric-query';
import type { SprintTimeline } from './sprint-timeline';

export interface SprintPredictability {
  readonly sprintId: string;
  readonly name: string;
  readonly state: SprintTimeline['state'];
  readonly startAt: string;
  /** Null while the sprint is open; figures are then as of the evaluation instant. */
  readonly completeAt: string | null;
  readonly committed: number;
  readonly completed: number;
  /** completed / committed; null when nothing was committed. */
  readonly predictability: number | null;
  readonly added: number;
  readonly removed: number;
  readonly committedKeys: readonly string[];
  readonly completedKeys: readonly string[];
  readonly addedKeys: readonly string[];
  readonly removedKeys: readonly string[];
}

/**
 * Per started (active or closed) sprint overlapping [from, to] (and on a filtered board, when it names one): committed = items in the sprint at its start
 * instant (events at that instant included); completed = committed items in a done category at
 * completeAt (inclusive); added = other items in the sprint at some moment in (start, complete];
 * removed = committed items out of it at some moment in (start, complete].
 */
export function computeSprintPredictability(timelines: Timelines, query: MetricQuery): SprintPredictability[] {
  const context = metricContext(timelines, query);
  const items = context.items.filter((item) => item.current.stage.category !== 'removed').sort(compareKeys);
  const boards = query.boardIds ?? [];
  return timelines.sprints
    .filter((sprint) => sprint.state !== 'future' && sprint.startAt !== null)
    .filter((sprint) => boards.length === 0 || sprint.boardId === null || boards.includes(sprint.boardId))
    .map((sprint) => ({ sprint, start: instantMs(sprint.startAt as string), end: endOf(sprint, context.evaluatedAt) }))
    .filter(({ start, end }) => start < context.toEndMs && end >= context.fromMs)
    .sort((a, b) => a.start - b.start || (a.sprint.sprintId < b.sprint.sprintId ? -1 : 1))
    .map(({ sprint, start, end }) => report(sprint, start, end, items));
}

function endOf(sprint: SprintTimeline, evaluatedAt: number | null): number {
  if (sprint.completeAt !== null) return instantMs(sprint.completeAt);
  return evaluatedAt ?? Number.MAX_SAFE_INTEGER - 1;
}

function report(sprint: SprintTimeline, start: number, end: number, items: readonly EvaluatedItem[]): SprintPredictability {
  const inSprintBefore = (item: EvaluatedItem, x: number) =>
    snapshotBefore(item.timeline, x)?.sprintIds.includes(sprint.sprintId) ?? false;
  const during = (item: EvaluatedItem) => item.timeline.snapshots.filter((s) => s.at > start && s.at <= end);
  const committed = items.filter((item) => inSprintBefore(item, start + 1));
  const completed = committed.filter((item) => segmentBefore(item, end + 1)?.stage.category === 'done');
  const added = items.filter(
    (item) => !committed.includes(item) && during(item).some((s) => s.sprintIds.includes(sprint.sprintId)),
  );
  const removed = committed.filter((item) => during(item).some((s) => !s.sprintIds.includes(sprint.sprintId)));
  const keys = (list: readonly EvaluatedItem[]) => list.map((item) => item.timeline.itemKey);
  return {
    sprintId: sprint.sprintId,
    name: sprint.name,
    state: sprint.state,
    startAt: isoOf(start),
    completeAt: sprint.completeAt === null ? null : isoOf(end),
    committed: committed.length,
    completed: completed.length,
    predictability: committed.length === 0 ? null : completed.length / committed.length,
    added: added.length,
    removed: removed.length,
    committedKeys: keys(committed),
    completedKeys: keys(completed),
    addedKeys: keys(added),
    removedKeys: keys(removed),
  };
}
