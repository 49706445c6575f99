import { type Observation, type WipLimitParams, wipLimitObservation } from '@flowlens/alerting';
import { type StageDay, stageOf } from '@flowlens/metric-queries';
import type { FigureCycle, ResolvedScope } from '../figure-cycle';

/**
 * `wip-limit`: WIP now (the one day d, state as of the instant: the API's /metrics/wip with
 * from = to = d); with `stage`, the items in the stages of that name (any category, matched
 * without regard to case) on the scope's boards, as /metrics/cfd counts them.
 */
export async function observeWipLimit(cycle: FigureCycle, scope: ResolvedScope, params: WipLimitParams): Promise<Observation[]> {
  const wip = params.stage === undefined ? await wipNow(cycle, scope) : await stageWipNow(cycle, scope, params.stage);
  return [wipLimitObservation(scope.subject, params.limit, wip)];
}

export function wipNow(cycle: FigureCycle, scope: ResolvedScope): Promise<number> {
  return cycle.figure(scope, 'wip', () => wipAt(cycle, scope, scope.today));
}

/** WIP at the end of the local date `to`. */
export function wipAt(cycle: FigureCycle, scope: ResolvedScope, to: string): Promise<number> {
  return cycle.byBoard(scope, 'wip', 1, to, (all) => cycle.sources.occupancy.wipByBoard(all), (days) => days[0]?.wip ?? 0, async () => (await cycle.sources.occupancy.wip(await cycle.context(scope, 1, to)))[0]?.wip ?? 0);
}

function stageWipNow(cycle: FigureCycle, scope: ResolvedScope, stage: string): Promise<number> {
  const name = stage.trim().toLowerCase();
  return cycle.figure(scope, `wip\u0000stage\u0000${name}`, async () => {
    let wip = 0;
    for (const [key, n] of (await stagesNow(cycle, scope)).counts) if (stageOf(key).trim().toLowerCase() === name) wip += n;
    return wip;
  });
}

/** Items per stage at the instant: one scan serves every stage limit of the scope. */
async function stagesNow(cycle: FigureCycle, scope: ResolvedScope) {
  const first = (days: StageDay[]) => days[0] ?? { date: scope.today, counts: new Map<string, number>() };
  return cycle.figure(scope, 'stages-now', () =>
    cycle.byBoard(scope, 'stages', 1, scope.today, (all) => cycle.sources.occupancy.runByBoard(all), first, async () => first(await cycle.sources.occupancy.run(await cycle.context(scope, 1)))),
  );
}
