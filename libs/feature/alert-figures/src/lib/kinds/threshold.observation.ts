import { type ChangeParams, changeObservation, type Observation, type ThresholdParams, thresholdObservation } from '@flowlens/alerting';
import { addLocalDays } from '@flowlens/metrics';
import type { FigureCycle, ResolvedScope } from '../figure-cycle';
import { ruleMetric } from './rule-metric.figure';

/** `threshold`: the figure over the window ending today against `value`. */
export async function observeThreshold(cycle: FigureCycle, scope: ResolvedScope, params: ThresholdParams): Promise<Observation[]> {
  return [thresholdObservation(scope.subject, params, await ruleMetric(cycle, scope, params.metric, params.windowDays))];
}

/** `change`: the figure over the window ending today against the same window `baselineWeeks` weeks earlier. */
export async function observeChange(cycle: FigureCycle, scope: ResolvedScope, params: ChangeParams): Promise<Observation[]> {
  const [current, baseline] = await Promise.all([
    ruleMetric(cycle, scope, params.metric, params.windowDays),
    ruleMetric(cycle, scope, params.metric, params.windowDays, addLocalDays(scope.today, -7 * params.baselineWeeks)),
  ]);
  return [changeObservation(scope.subject, params, current, baseline)];
}
