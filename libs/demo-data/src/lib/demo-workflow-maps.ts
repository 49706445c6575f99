import { PROJECTS } from './catalog/project.catalog';
import { statusIdOf, type StatusName } from './catalog/workflow.catalog';

export type DemoStageCategory = 'backlog' | 'active' | 'wait' | 'done';

export interface DemoWorkflowMap {
  /** The Jira project key, which is the canonical `boardId`. */
  readonly boardId: string;
  readonly name: string;
  readonly stages: ReadonlyArray<{ readonly name: string; readonly category: DemoStageCategory; readonly statuses: readonly string[] }>;
}

/** Queues rather than work: what a team would map as waiting once it edits the defaults. */
const CATEGORY: Readonly<Record<StatusName, DemoStageCategory>> = {
  'To Do': 'backlog',
  'In Progress': 'active',
  'In Review': 'active',
  'Ready for QA': 'wait',
  Blocked: 'wait',
  Done: 'done',
};

/**
 * The boards' workflows in the shape of a Flowlens workflow map, for a seeder that wants the
 * demo to show waiting stages. Without them the Jira defaults apply (every in-progress status active).
 */
export const DEMO_WORKFLOW_MAPS: readonly DemoWorkflowMap[] = PROJECTS.map((project) => {
  const statuses: StatusName[] = [...project.flow];
  if (project.hasBlockedStatus) statuses.splice(statuses.indexOf('Done'), 0, 'Blocked');
  return {
    boardId: project.key,
    name: project.name,
    stages: statuses.map((status) => ({ name: status, category: CATEGORY[status], statuses: [statusIdOf(status), status] })),
  };
});
