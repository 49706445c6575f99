import { dataQualityObservation, type Observation } from '@flowlens/alerting';
import { unmappedStatuses } from '@flowlens/metrics';
import type { FigureCycle, ResolvedScope } from '../figure-cycle';

/**
 * `data-quality`: the workspace's open dead letters (deliveries that could not be read, whatever
 * board they were for) plus the statuses seen on the scope's boards that no stage of their saved
 * map holds.
 */
export async function observeDataQuality(cycle: FigureCycle, scope: ResolvedScope): Promise<Observation[]> {
  const [deadLetters, unmapped] = await Promise.all([openDeadLetters(cycle, scope.workspaceId), unmappedOn(cycle, scope)]);
  return [dataQualityObservation(scope.subject, deadLetters + unmapped)];
}

function openDeadLetters(cycle: FigureCycle, workspaceId: string): Promise<number> {
  return cycle.workspaceFigure(workspaceId, 'dead-letters', () => cycle.sources.deadLetters.countOpenIn(workspaceId));
}

function unmappedOn(cycle: FigureCycle, scope: ResolvedScope): Promise<number> {
  return cycle.figure(scope, 'unmapped-statuses', async () => {
    const ctx = await cycle.context(scope, 1);
    const [catalog, maps] = await Promise.all([cycle.sources.catalog.run(ctx), cycle.sources.maps.latest(scope.workspaceId)]);
    const boards = new Set(ctx.boardIds);
    const stagesOf = new Map(maps.map((m) => [m.boardId, m.stages]));
    let count = 0;
    for (const board of catalog) {
      const stages = stagesOf.get(board.boardId);
      if (!stages || (boards.size > 0 && !boards.has(board.boardId))) continue;
      count += unmappedStatuses(stages, board.statuses).length;
    }
    return count;
  });
}
