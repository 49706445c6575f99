import type { EventSource, StatusRef } from '@flowlens/contracts';
import { isBlockedName, isBlockedStage } from './blocked-stage';
import { defaultStageFor } from './default-stage';
import { REMOVED_STAGE, type ResolvedStage, type WorkflowMap, type WorkflowStage } from './workflow-map.schema';

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The map's stage holding a status: a stage listing the status id wins over one listing its
 * name; among equals the first in map order wins. Undefined when the map does not hold it.
 */
export function findStage(map: WorkflowMap | undefined, status: StatusRef): WorkflowStage | undefined {
  if (!map) return undefined;
  const byId = status.id === null ? undefined : map.stages.find((stage) => stage.statuses.includes(status.id as string));
  return byId ?? map.stages.find((stage) => stage.statuses.some((entry) => sameName(entry, status.name)));
}

/**
 * The stage of an item in `status`: the map's stage, else the default stage (one stage per
 * status, named after it). An archived item outside a done (or mapped removed) stage is in the
 * `Removed` stage.
 */
export function resolveStage(
  map: WorkflowMap | undefined,
  source: EventSource,
  status: StatusRef,
  archived: boolean,
): ResolvedStage {
  const stage = findStage(map, status);
  const resolved: ResolvedStage = stage
    ? { name: stage.name, category: stage.category, blocked: isBlockedStage(stage) || isBlockedName(status.name) }
    : { name: status.name, category: defaultStageFor(source, status), blocked: isBlockedName(status.name) };
  const outOfPlay = archived && resolved.category !== 'done' && resolved.category !== 'removed';
  return outOfPlay ? REMOVED_STAGE : resolved;
}
