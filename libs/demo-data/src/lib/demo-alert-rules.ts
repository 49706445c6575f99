import { PROJECTS } from './catalog/project.catalog';

/** A demo rule as the rules API takes it (the seeder validates it with the rule schema and adds the channel). */
export interface DemoAlertRule {
  readonly name: string;
  readonly kind: string;
  readonly scope: { boardId?: string; portfolioId?: string };
  readonly params: Record<string, unknown>;
  readonly severity: 'info' | 'warning' | 'critical';
}

/**
 * A few rules of each family on the demo's boards and portfolio, tuned so that some fire at first
 * start (the demo's WIP and aging items exceed them) and some stay quiet: a PMO sees both firing
 * and healthy rules on the alerts page, and every kind in the rule list.
 */
export function demoAlertRules(portfolioId: string): DemoAlertRule[] {
  const [pay, web, ops] = PROJECTS.map((p) => p.key);
  return [
    { name: `${pay} WIP above 6`, kind: 'wip-limit', scope: { boardId: pay }, params: { limit: 6 }, severity: 'warning' },
    { name: `${web} items past their 85th-percentile SLE`, kind: 'sle-breach', scope: { boardId: web }, params: { percentile: 85 }, severity: 'warning' },
    { name: `${ops} cycle time p85 above 12 days`, kind: 'threshold', scope: { boardId: ops }, params: { metric: 'cycle-time.p85', op: '>', value: 12, windowDays: 28 }, severity: 'critical' },
    { name: `${pay} throughput outside its process limits`, kind: 'process-limits', scope: { boardId: pay }, params: { metric: 'throughput', baselineWeeks: 12 }, severity: 'info' },
    { name: `${web} throughput down 30% on 8 weeks ago`, kind: 'change', scope: { boardId: web }, params: { metric: 'throughput', direction: 'down', pct: 30, windowDays: 28, baselineWeeks: 8 }, severity: 'warning' },
    { name: 'Releases and epics below 70% on time', kind: 'forecast-slip', scope: { portfolioId }, params: { minProbability: 0.7 }, severity: 'critical' },
    { name: 'Data quality of the portfolio', kind: 'data-quality', scope: { portfolioId }, params: {}, severity: 'info' },
  ];
}
