import type { IssueTypeName, PriorityName } from '../catalog/issue-type.catalog';
import type { DemoProject } from '../catalog/project.catalog';
import type { StatusName } from '../catalog/workflow.catalog';

/** What the generator tracks of an issue; the renderer turns it into Jira `fields`. */
export interface IssueState {
  readonly status: StatusName;
  /** Index into PEOPLE, or null when unassigned. */
  readonly assignee: number | null;
  /** Kept sorted, as Jira returns them. */
  readonly labels: readonly string[];
  readonly flagged: boolean;
  readonly sprintIds: readonly number[];
  readonly points: number | null;
  readonly priority: PriorityName;
  readonly fixVersionIds: readonly string[];
}

export type IssueStep =
  | { readonly kind: 'update'; readonly at: number; readonly actor: number; readonly change: (state: IssueState) => Partial<IssueState> }
  | { readonly kind: 'delete'; readonly at: number; readonly actor: number };

export interface Arrival {
  readonly project: DemoProject;
  readonly created: number;
  /** Work the team brought along on day one: started soon after it is entered. */
  readonly kickoff: boolean;
}

export interface IssuePlan {
  readonly id: string;
  readonly key: string;
  readonly project: DemoProject;
  readonly type: IssueTypeName;
  readonly summary: string;
  readonly description: string;
  readonly reporter: number;
  readonly created: number;
  readonly components: ReadonlyArray<readonly [string, string]>;
  readonly dueDate: string | null;
  /** Lexorank-looking board rank (`customfield_10019`). */
  readonly rank: string;
  readonly initial: IssueState;
  /** Strictly after `created`, in time order. */
  readonly steps: readonly IssueStep[];
}

/** When the issue's work started and first reached Done (Infinity if never), for sprint planning. */
export interface IssueMilestones {
  readonly startedAt: number;
  readonly firstDoneAt: number;
}
