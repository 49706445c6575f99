import type { AlertSubject } from './alert-notification';
import type { ChangeParams, ThresholdParams } from './alert-rule.schema';
import { processLimitsSignal } from './process-limits';

/**
 * One subject's figure at one evaluation: whether the rule's condition holds, with the value and
 * threshold the alert reports (metrics.md "Alerts: precise rules", Value/threshold).
 */
export interface Observation {
  readonly subject: AlertSubject;
  readonly holds: boolean;
  readonly value: number | null;
  readonly threshold: number | null;
}

/** `threshold`: the figure against `value`; a figure that is undefined (null) never holds. */
export function thresholdObservation(subject: AlertSubject, params: Pick<ThresholdParams, 'op' | 'value'>, figure: number | null): Observation {
  const holds = figure !== null && (params.op === '>' ? figure > params.value : figure < params.value);
  return { subject, holds, value: figure, threshold: params.value };
}

/**
 * `change`: the % change of the figure now against the same figure `baselineWeeks` weeks earlier.
 * Up holds when the change is at least `pct`, down when it is at most −`pct`; with a baseline of 0
 * (or either figure undefined) there is no percentage, so nothing holds.
 */
export function changeObservation(subject: AlertSubject, params: Pick<ChangeParams, 'direction' | 'pct'>, current: number | null, baseline: number | null): Observation {
  const change = current === null || baseline === null || baseline === 0 ? null : ((current - baseline) / Math.abs(baseline)) * 100;
  const holds = change !== null && (params.direction === 'up' ? change >= params.pct : change <= -params.pct);
  return { subject, holds, value: change, threshold: params.pct };
}

/** `wip-limit`: fires while WIP > limit. */
export function wipLimitObservation(subject: AlertSubject, limit: number, wip: number): Observation {
  return { subject, holds: wip > limit, value: wip, threshold: limit };
}

/** `sle-breach` (one item): its age now against the SLE in days; no SLE, no breach. */
export function sleBreachObservation(subject: AlertSubject, ageDays: number | null, sleDays: number | null): Observation {
  return { subject, holds: ageDays !== null && sleDays !== null && ageDays > sleDays, value: ageDays, threshold: sleDays };
}

/** `forecast-slip` (one release or epic): P(on time) below `minProbability`; an unknown probability never holds. */
export function forecastSlipObservation(subject: AlertSubject, pOnTime: number | null, minProbability: number): Observation {
  return { subject, holds: pOnTime !== null && pOnTime < minProbability, value: pOnTime, threshold: minProbability };
}

/** `data-quality`: the count of problems (open dead letters + statuses no stage holds) above 0. */
export function dataQualityObservation(subject: AlertSubject, problems: number): Observation {
  return { subject, holds: problems > 0, value: problems, threshold: 0 };
}

/** `process-limits`: the last complete week against the XmR limits of the weeks before it. */
export function processLimitsObservation(subject: AlertSubject, baseline: readonly number[], latest: number | null): Observation {
  const signal = latest === null ? null : processLimitsSignal(baseline, latest);
  return { subject, holds: signal !== null, value: latest, threshold: signal?.limit ?? null };
}
