import type { Workflows } from './api-types';
import { useApi } from './use-api';

/** The workspace's boards (every board with a workflow map, saved or default), sorted. */
export function useBoards(): { boards: string[]; query: ReturnType<typeof useApi<Workflows>> } {
  const query = useApi<Workflows>('workflows');
  return { boards: (query.data?.items ?? []).map((m) => m.boardId), query };
}
