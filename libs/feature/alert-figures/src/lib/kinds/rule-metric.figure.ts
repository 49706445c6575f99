import type { RuleMetric } from '@flowlens/alerting';
import { addLocalDays, type Summary } from '@flowlens/metrics';
import type { FlowCounts, ThroughputResult } from '@flowlens/metric-queries';
import type { FigureCycle, ResolvedScope } from '../figure-cycle';
import { riskOf } from './risk.figure';
import { wipAt, wipNow } from './wip-limit.observation';

/**
 * The figure a `threshold` or `change` rule watches over the window [to − windowDays + 1, to], as
 * the query API answers it for the same filter and dates (metrics.md "Alerts: precise rules",
 * Windows). `wip` is the WIP at the end of the window (now, for a window ending today);
 * `blocked-share` is the blocked share of WIP at the evaluation instant (a state, not a window);
 * `net-flow` and `load-per-fte` are the capacity figures; `reopen-rate` the quality figure.
 * Null when the figure is undefined (no items done, no capacity...): such a figure never holds.
 */
export function ruleMetric(cycle: FigureCycle, scope: ResolvedScope, metric: RuleMetric, windowDays: number, to = scope.today): Promise<number | null> {
  return cycle.figure(scope, `metric\u0000${metric}\u0000${windowDays}\u0000${to}`, async () => {
    const s = cycle.sources;
    const ctx = () => cycle.context(scope, windowDays, to);
    switch (metric) {
      case 'cycle-time.p50':
      case 'cycle-time.p85':
      case 'cycle-time.p95': {
        const summary = await elapsed(cycle, scope, 'cycle', windowDays, to);
        return summary[metric === 'cycle-time.p50' ? 'p50' : metric === 'cycle-time.p85' ? 'p85' : 'p95'];
      }
      case 'lead-time.p85':
        return (await elapsed(cycle, scope, 'lead', windowDays, to)).p85;
      case 'throughput':
        return weeklyThroughput(cycle, scope, windowDays, to).then((t) => t.total);
      case 'wip':
        return to === scope.today ? wipNow(cycle, scope) : wipAt(cycle, scope, to);
      case 'flow-efficiency':
        return cycle.byBoard(scope, 'flow-efficiency', windowDays, to, (all) => s.efficiency.byBoard(all), (f) => f.efficiency, async () => (await s.flow.efficiency(await ctx())).efficiency);
      case 'blocked-share':
        return (await riskOf(cycle, scope, windowDays, to)).items.blockedShare;
      case 'reopen-rate':
        return (await riskOf(cycle, scope, windowDays, to)).quality.reopenRate;
      case 'net-flow': {
        const netFlow = (counts: FlowCounts) => sum(counts.arrivals) - sum(counts.throughput);
        return cycle.byBoard(scope, 'flow-counts', windowDays, to, (all) => s.capacityCounts.flowCountsByBoard(all), netFlow, async () => netFlow(await s.capacityCounts.flowCounts(await ctx())));
      }
      case 'load-per-fte': {
        if (scope.subject.type === 'board') return null;
        const from = addLocalDays(to, -(windowDays - 1));
        return (await s.capacity.figures(cycle.principal(scope.workspaceId), cycle.query(scope, from, to))).loadPerFte;
      }
    }
  });
}

function elapsed(cycle: FigureCycle, scope: ResolvedScope, kind: 'cycle' | 'lead', windowDays: number, to: string): Promise<Summary> {
  return cycle.figure(scope, `elapsed\u0000${kind}\u0000${windowDays}\u0000${to}`, () =>
    cycle.byBoard(scope, `elapsed\u0000${kind}`, windowDays, to, (all) => cycle.sources.elapsed.summaryByBoard(all, kind), (s) => s, async () => cycle.sources.flow.elapsedTime(await cycle.context(scope, windowDays, to), kind, 0)),
  );
}

/** Throughput per Monday week of the window (its total is the window's throughput). */
export function weeklyThroughput(cycle: FigureCycle, scope: ResolvedScope, windowDays: number, to: string): Promise<ThroughputResult> {
  return cycle.figure(scope, `throughput\u0000${windowDays}\u0000${to}`, () =>
    cycle.byBoard(scope, 'throughput', windowDays, to, (all) => cycle.sources.throughput.byBoard(all, 'week'), (t) => t, async () => cycle.sources.throughput.run(await cycle.context(scope, windowDays, to), 'week')),
  );
}


const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
