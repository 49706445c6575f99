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
  const stageOf: Record<string, string> = {};
  const categoryOf: Record<string, string> = {};
  const blockedStages: string[] = [];
  const orderedStages: Record<string, Array<{ name: string; category: string }>> = {};
  for (const map of maps) {
    orderedStages[map.boardId] = map.stages.map((s) => ({ name: s.name, category: s.category }));
    for (const stage of map.stages) {
      // By id (exact) and by name (trimmed, lower-cased); the first stage holding a status wins.
      for (const key of stage.statuses.flatMap((status) => [status, status.trim().toLowerCase()])) {
        const full = `${map.boardId}${KEY_SEP}${key}`;
        if (stageOf[full] !== undefined) continue;
        stageOf[full] = stage.name;
        categoryOf[full] = stage.category;
      }
      if (isBlockedName(stage.name) || stage.statuses.some(isBlockedName)) blockedStages.push(`${map.boardId}${VAL_SEP}${stage.name}`);
    }
  }
  return { stageOf, categoryOf, blockedStages, orderedStages };
}

export function isBlockedName(name: string): boolean {
  return name.trim().toLowerCase() === 'blocked';
}

export const EMPTY_STAGE_MAPPING: StageMapping = { stageOf: {}, categoryOf: {}, blockedStages: [], orderedStages: {} };
