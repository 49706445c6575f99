import { type Observation, processLimitsObservation, type ProcessLimitsParams } from '@flowlens/alerting';
import { addLocalDays, localDateOf, summarise, weekStartOf } from '@flowlens/metrics';
import type { FigureCycle, ResolvedScope } from '../figure-cycle';
import { weeklyThroughput } from './rule-metric.figure';

/**
 * `process-limits`: x = the last complete local week (Monday to Sunday before the evaluation's
 * week), baseline = the `baselineWeeks` complete weeks before it, oldest first. Weekly cycle-time
 * p85 is over the items done in that week; a week with none has no value and is left out.
 */
export async function observeProcessLimits(cycle: FigureCycle, scope: ResolvedScope, params: ProcessLimitsParams): Promise<Observation[]> {
  const lastWeek = addLocalDays(weekStartOf(scope.today), -7);
  const firstWeek = addLocalDays(lastWeek, -7 * params.baselineWeeks);
  const weeks = await weeklyValues(cycle, scope, params.metric, firstWeek, addLocalDays(lastWeek, 6));
  const latest = weeks.get(lastWeek) ?? null;
  const baseline: number[] = [];
  for (let week = firstWeek; week < lastWeek; week = addLocalDays(week, 7)) {
    const value = weeks.get(week);
    if (value !== undefined && value !== null) baseline.push(value);
  }
  return [processLimitsObservation(scope.subject, baseline, latest)];
}

async function weeklyValues(cycle: FigureCycle, scope: ResolvedScope, metric: ProcessLimitsParams['metric'], from: string, to: string): Promise<Map<string, number | null>> {
  return cycle.figure(scope, `weekly\u0000${metric}\u0000${from}\u0000${to}`, async () => {
    if (metric === 'throughput') return new Map((await weeklyThroughput(cycle, scope, daysBetween(from, to), to)).series.map((b) => [b.start, b.count]));
    const ctx = await cycle.context(scope, daysBetween(from, to), to);
    const { items } = await cycle.sources.flow.elapsedTime(ctx, 'cycle', Number.MAX_SAFE_INTEGER);
    const byWeek = new Map<string, number[]>();
    for (const item of items) {
      const week = weekStartOf(localDateOf(Date.parse(item.doneAt), scope.timezone));
      byWeek.set(week, [...(byWeek.get(week) ?? []), item.days]);
    }
    return new Map([...byWeek].map(([week, days]) => [week, summarise(days).p85]));
  });
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
