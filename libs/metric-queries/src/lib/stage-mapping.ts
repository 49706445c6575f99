import type { StageMapping } from './query-context';

export interface WorkflowMapInput {
  readonly boardId: string;
  readonly stages: ReadonlyArray<{ readonly name: string; readonly category: string; readonly statuses: readonly string[] }>;
}

export const KEY_SEP = '\u001e';
export const VAL_SEP = '\u001f';

/**
 * Flattens saved workflow maps into the lookup the SQL applies at query time, so editing a map
 * changes every figure at once without re-projecting anything.
 */
export function buildStageMapping(maps: readonly WorkflowMapInput[]): StageMapping {
  const lookup: Record<string, string> = {};
  const blockedStages: string[] = [];
  const orderedStages: Record<string, Array<{ name: string; category: string }>> = {};
  for (const map of maps) {
    orderedStages[map.boardId] = map.stages.map((s) => ({ name: s.name, category: s.category }));
    for (const stage of map.stages) {
      const value = `${stage.name}${VAL_SEP}${stage.category}`;
      for (const status of stage.statuses) {
        lookup[`${map.boardId}${KEY_SEP}${status}`] ??= value;
        lookup[`${map.boardId}${KEY_SEP}${status.trim().toLowerCase()}`] ??= value;
      }
      if (isBlockedName(stage.name) || stage.statuses.some(isBlockedName)) blockedStages.push(`${map.boardId}${VAL_SEP}${stage.name}`);
    }
  }
  return { lookup, blockedStages, orderedStages };
}

export function isBlockedName(name: string): boolean {
  return name.trim().toLowerCase() === 'blocked';
}

export const EMPTY_STAGE_MAPPING: StageMapping = { lookup: {}, blockedStages: [], orderedStages: {} };
