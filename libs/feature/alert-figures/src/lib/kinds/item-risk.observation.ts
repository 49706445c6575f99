import { forecastSlipObservation, type ForecastSlipParams, type Observation, sleBreachObservation, type SleBreachParams } from '@flowlens/alerting';
import { durationDays, isInProgress, isWorkItem, sleHistories } from '@flowlens/metrics';
import type { FigureCycle, ResolvedScope } from '../figure-cycle';
import { riskOf } from './risk.figure';

/**
 * `sle-breach`: one observation per work item in progress on the scope's boards: its age now
 * against the SLE, the `percentile` of the cycle times the risk figures read it against (the 90
 * days ending today; board, then team, then workspace). Items done or not started have none, so
 * their open instances resolve.
 */
export async function observeSleBreach(cycle: FigureCycle, scope: ResolvedScope, params: SleBreachParams): Promise<Observation[]> {
  const { evaluation } = await riskOf(cycle, scope, 90);
  const { input } = evaluation;
  const boards = new Set(evaluation.scope.boardIds);
  const sle = sleHistories(input, evaluation.query.sleWindow, params.percentile);
  return input.items
    .filter((item) => isWorkItem(item) && isInProgress(item) && item.startedAt !== null && (boards.size === 0 || boards.has(item.boardId)))
    .map((item) => sleBreachObservation({ type: 'item', id: item.itemKey }, durationDays(item.startedAt as number, input.t), sle(item.boardId).sleDays));
}

/** `forecast-slip`: each release and epic with remaining items in scope: P(on time) against `minProbability`. */
export async function observeForecastSlip(cycle: FigureCycle, scope: ResolvedScope, params: ForecastSlipParams): Promise<Observation[]> {
  const forecasts = await cycle.figure(scope, 'deliveries', async () => {
    const { evaluation } = await riskOf(cycle, scope, 90);
    return cycle.sources.risk.deliveries(evaluation, {});
  });
  return [
    ...forecasts.releases.map((r) => forecastSlipObservation({ type: 'release', id: r.releaseId }, r.pOnTime, params.minProbability)),
    ...forecasts.epics.map((e) => forecastSlipObservation({ type: 'epic', id: e.epicKey }, e.pOnTime, params.minProbability)),
  ];
}
