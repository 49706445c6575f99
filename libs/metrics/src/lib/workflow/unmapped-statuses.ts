import type { StatusRef } from '@flowlens/contracts';

/**
 * The statuses seen on a board that no stage of its map holds (by id or by name, case-insensitive):
 * items in them count in no stage, which is what an analyst fixing a map needs to see.
 */
export function unmappedStatuses(stages: ReadonlyArray<{ statuses: readonly string[] }>, seen: readonly StatusRef[]): string[] {
  const held = new Set(stages.flatMap((s) => s.statuses.map((x) => x.toLowerCase())));
  const names = seen.filter((s) => !held.has(s.name.toLowerCase()) && !(s.id !== null && held.has(s.id.toLowerCase()))).map((s) => s.name);
  return [...new Set(names)];
}
