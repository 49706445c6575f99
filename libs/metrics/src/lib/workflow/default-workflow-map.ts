import type { EventSource, StatusRef } from '@flowlens/contracts';
import { defaultStageFor } from './default-stage';
import type { StageCategory, WorkflowMap, WorkflowStage } from './workflow-map.schema';

const ORDER: readonly StageCategory[] = ['backlog', 'active', 'wait', 'done', 'removed'];

/**
 * The map used until someone saves one: one stage per distinct status name (statuses sharing a
 * name share the stage), ordered backlog, active, wait, done, and by first appearance within a
 * category. A stage lists each status by id when it has one, else by name.
 */
export function defaultWorkflowMap(boardId: string, source: EventSource, statuses: readonly StatusRef[]): WorkflowMap {
  const stages = new Map<string, { stage: WorkflowStage; order: number }>();
  statuses.forEach((status, order) => {
    const key = status.name.trim().toLowerCase();
    const entry = status.id ?? status.name;
    const existing = stages.get(key);
    if (!existing) {
      stages.set(key, { stage: { name: status.name, category: defaultStageFor(source, status), statuses: [entry] }, order });
    } else if (!existing.stage.statuses.includes(entry)) {
      existing.stage.statuses.push(entry);
    }
  });
  const sorted = [...stages.values()].sort(
    (a, b) => ORDER.indexOf(a.stage.category) - ORDER.indexOf(b.stage.category) || a.order - b.order,
  );
  return { boardId, stages: sorted.map(({ stage }) => stage) };
}
