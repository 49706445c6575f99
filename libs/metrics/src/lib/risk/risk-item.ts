import type { StageCategory } from '../workflow/workflow-map.schema';

/** An item as risk reads it at the evaluation instant `t` (its state then, its history up to then). */
export interface RiskItem {
  readonly itemId: string;
  readonly itemKey: string;
  readonly boardId: string;
  readonly type: string | null;
  /** The current assignee's id, null when unassigned. */
  readonly assignee: string | null;
  /** Hierarchy level 1 or above (an epic): the subject of epic forecasts, never a work item. */
  readonly isEpic: boolean;
  readonly createdAt: number;
  readonly startedAt: number | null;
  readonly doneAt: number | null;
  readonly category: StageCategory;
  readonly blocked: boolean;
  /** Start of the current blocked spell, when blocked. */
  readonly blockedSince: number | null;
  /** Instants at which the item left a done stage for a non-done one. */
  readonly reopenedAt: readonly number[];
  readonly dueDate: string | null;
  readonly parentId: string | null;
  readonly versions: readonly string[];
  /** When each current version was (last) set on the item. */
  readonly versionSetAt: Readonly<Record<string, number>>;
  /** When the current parent was (last) set. */
  readonly parentSetAt: number | null;
}

export interface RiskRelease {
  readonly releaseId: string;
  readonly name: string;
  /** The board (project key) of the version when the source names it. */
  readonly boardId: string | null;
  readonly releaseDate: string | null;
  readonly released: boolean;
  readonly archived: boolean;
}

/** A dependency link, ends resolved to item ids: `blockerId` blocks `dependentId`. */
export interface RiskLink {
  readonly blockerId: string;
  readonly dependentId: string;
  readonly createdAt: number;
}

/** Everything the risk signals are computed from. */
export interface RiskInput {
  /** Every live item of the workspace at `t` (deleted ones left out), removed ones included. */
  readonly items: readonly RiskItem[];
  readonly releases: readonly RiskRelease[];
  readonly links: readonly RiskLink[];
  /** Evaluation instant, epoch ms. */
  readonly t: number;
  readonly timezone: string;
  /** boardId -> team id for boards a team holds; a board without one is its own team. */
  readonly teamOfBoard: ReadonlyMap<string, string>;
}

export const isInProgress = (item: RiskItem) => item.category === 'active' || item.category === 'wait';
export const isWorkItem = (item: RiskItem) => !item.isEpic && item.category !== 'removed';

/** Epics by issue type (hierarchy level 1 in Jira's default scheme). */
export const isEpicType = (type: string | null | undefined) => (type ?? '').trim().toLowerCase() === 'epic';

const derived = new WeakMap<RiskInput, Map<string, unknown>>();

/**
 * What is derived from a whole input (SLE histories, open dependents) is computed once per input
 * object: inputs are immutable, and one input serves many scopes at one instant (an alert cycle
 * narrows one workspace evaluation to every rule's scope).
 */
export function memoOnInput<T>(input: RiskInput, key: string, compute: () => T): T {
  let values = derived.get(input);
  if (!values) {
    values = new Map();
    derived.set(input, values);
  }
  if (!values.has(key)) values.set(key, compute());
  return values.get(key) as T;
}
