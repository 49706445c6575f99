import type { Stage, StageCategory } from '../../lib/api-types';

export const CATEGORIES: readonly StageCategory[] = ['backlog', 'active', 'wait', 'done', 'removed'];

/** Moves a status to another stage (or out of every stage with `to = null`); pure, for the drag-and-drop editor. */
export function moveStatus(stages: readonly Stage[], status: string, to: number | null): Stage[] {
  return stages.map((stage, i) => {
    const without = stage.statuses.filter((s) => s !== status);
    return i === to ? { ...stage, statuses: [...without, status] } : { ...stage, statuses: without };
  });
}

export function moveStage(stages: readonly Stage[], from: number, by: -1 | 1): Stage[] {
  const to = from + by;
  if (to < 0 || to >= stages.length) return [...stages];
  const next = [...stages];
  [next[from], next[to]] = [next[to] as Stage, next[from] as Stage];
  return next;
}

/** The statuses a map edit has left without a stage: those known to the board and those dropped from stages. */
export function loose(known: readonly string[], stages: readonly Stage[]): string[] {
  const held = new Set(stages.flatMap((s) => s.statuses.map((x) => x.toLowerCase())));
  return [...new Set(known)].filter((s) => !held.has(s.toLowerCase()));
}
