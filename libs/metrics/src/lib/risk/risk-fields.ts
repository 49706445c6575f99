import type { ItemLinkPayload } from '@flowlens/contracts';
import type { RiskItem, RiskLink } from './risk-item';

/** One change of a field risk reads, in source order. */
export type RiskFieldChange =
  | { readonly at: number; readonly kind: 'due'; readonly value: string | null }
  | { readonly at: number; readonly kind: 'parent'; readonly value: string | null }
  | { readonly at: number; readonly kind: 'versions'; readonly value: readonly string[] };

export type RiskFields = Pick<RiskItem, 'dueDate' | 'parentId' | 'parentSetAt' | 'versions' | 'versionSetAt'>;

/** The latest due date, parent and versions, with when the current parent and each version were set. */
export function foldRiskFields(changes: readonly RiskFieldChange[]): RiskFields {
  let dueDate: string | null = null;
  let parentId: string | null = null;
  let parentSetAt: number | null = null;
  let versions: readonly string[] = [];
  const versionSetAt: Record<string, number> = {};
  for (const change of changes) {
    if (change.kind === 'due') dueDate = change.value || null;
    else if (change.kind === 'parent') {
      const next = change.value || null;
      if (next !== parentId) [parentId, parentSetAt] = [next, next === null ? null : change.at];
    } else {
      for (const version of change.value) if (!versions.includes(version)) versionSetAt[version] = change.at;
      for (const version of versions) if (!change.value.includes(version)) delete versionSetAt[version];
      versions = [...change.value];
    }
  }
  return { dueDate, parentId, parentSetAt, versions, versionSetAt };
}

export interface LinkChange {
  readonly type: 'ItemLinkCreated' | 'ItemLinkDeleted';
  readonly payload: ItemLinkPayload;
  /** occurredAt, epoch ms; changes come in source order. */
  readonly at: number;
}

/**
 * Each pair of ends (resolved to live items by id, else by current key) is linked from its first
 * creation after its latest deletion; ends resolving to no live item are dropped.
 */
export function resolveLinks(changes: readonly LinkChange[], items: readonly RiskItem[]): RiskLink[] {
  const ids = new Set(items.map((item) => item.itemId));
  const byKey = new Map(items.map((item) => [item.itemKey, item.itemId]));
  const resolve = (ref: ItemLinkPayload['blocker']) => (ref.id !== null && ids.has(ref.id) ? ref.id : ref.key !== null ? (byKey.get(ref.key) ?? null) : null);
  const state = new Map<string, RiskLink | null>();
  for (const change of changes) {
    const [blockerId, dependentId] = [resolve(change.payload.blocker), resolve(change.payload.dependent)];
    if (blockerId === null || dependentId === null || blockerId === dependentId) continue;
    const key = `${blockerId}\u0000${dependentId}`;
    if (change.type === 'ItemLinkDeleted') state.set(key, null);
    else if (!state.get(key)) state.set(key, { blockerId, dependentId, createdAt: change.at });
  }
  return [...state.values()].filter((link): link is RiskLink => link !== null);
}
