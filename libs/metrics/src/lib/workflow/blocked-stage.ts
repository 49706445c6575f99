import type { WorkflowStage } from './workflow-map.schema';

export function isBlockedName(name: string): boolean {
  return name.trim().toLowerCase() === 'blocked';
}

/** A stage is a blocked stage when its name or any of its statuses is named `blocked` (any case). */
export function isBlockedStage(stage: Pick<WorkflowStage, 'name' | 'statuses'>): boolean {
  return isBlockedName(stage.name) || stage.statuses.some(isBlockedName);
}
