import { localDateOf } from '../time/local-day.util';
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

const derived = new WeakMap<object, WeakMap<object, WeakMap<object, Map<string, unknown>>>>();
const teamDigests = new WeakMap<ReadonlyMap<string, string>, string>();

/**
 * What is derived from a whole input (SLE histories, open dependents, the plan of every delivery
 * forecast) is computed once per loaded input and local day: many scopes read one input at one
 * instant (an alert cycle), and the requests of a day read the same loaded input (the query
 * caches it per data version), each with its own instant. An input holds its items' state at `t`
 * (nothing in it is done after `t`), so these derivations depend on `t` only through its local
 * date; they are keyed by the items, releases and links arrays (immutable), the time zone, that
 * date and the teams of the boards.
 */
export function memoOnInput<T>(input: RiskInput, key: string, compute: () => T): T {
  let byReleases = derived.get(input.items);
  if (!byReleases) derived.set(input.items, (byReleases = new WeakMap()));
  let byLinks = byReleases.get(input.releases);
  if (!byLinks) byReleases.set(input.releases, (byLinks = new WeakMap()));
  let values = byLinks.get(input.links);
  if (!values) byLinks.set(input.links, (values = new Map()));
  const full = [input.timezone, localDateOf(input.t, input.timezone), teamDigest(input.teamOfBoard), key].join('\u0000');
  if (!values.has(full)) values.set(full, compute());
  return values.get(full) as T;
}

function teamDigest(teams: ReadonlyMap<string, string>): string {
  let digest = teamDigests.get(teams);
  if (digest === undefined) {
    digest = [...teams].map(([board, team]) => `${board}\u0001${team}`).sort().join('\u0002');
    teamDigests.set(teams, digest);
  }
  return digest;
}
