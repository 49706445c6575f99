import type { Person } from '@flowlens/contracts';
import { isoOf } from '../time/duration.util';
import type { StageCategory, WorkflowMap } from '../workflow/workflow-map.schema';
import type { Timelines } from './build-timelines';
import { evaluateItem } from './evaluated-item';

export interface ItemDetail {
  readonly itemKey: string;
  readonly itemId: string;
  readonly title: string | null;
  readonly type: string | null;
  readonly status: string;
  readonly stage: string;
  readonly stageCategory: StageCategory;
  readonly boardId: string;
  readonly assignee: Person | null;
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly doneAt: string | null;
  readonly blocked: boolean;
}

/** The current picture of one item (by key or source id) as `GET /items/{itemKey}` shows it; null if unknown or deleted. */
export function describeItem(timelines: Timelines, keyOrId: string, workflows: readonly WorkflowMap[] = []): ItemDetail | null {
  const timeline =
    timelines.items.find((item) => item.itemKey === keyOrId) ?? timelines.items.find((item) => item.itemId === keyOrId);
  if (!timeline || timeline.deleted) return null;
  const maps = new Map<string, WorkflowMap>();
  for (const map of workflows) if (!maps.has(map.boardId)) maps.set(map.boardId, map);
  const item = evaluateItem(timeline, maps);
  const last = timeline.snapshots[timeline.snapshots.length - 1];
  return {
    itemKey: timeline.itemKey,
    itemId: timeline.itemId,
    title: timeline.fields.title ?? null,
    type: timeline.fields.type ?? null,
    status: last.status?.name ?? '',
    stage: item.current.stage.name,
    stageCategory: item.current.stage.category,
    boardId: timeline.boardId,
    assignee: timeline.fields.assignee ?? null,
    createdAt: isoOf(item.createdAt),
    startedAt: item.startedAt === null ? null : isoOf(item.startedAt),
    doneAt: item.doneAt === null ? null : isoOf(item.doneAt),
    blocked: item.current.blocked,
  };
}
