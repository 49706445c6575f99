import { FilterBar } from '../../components/filter-bar';
import { PageHeader } from '../../components/page-header';
import { pick, useFilters, windowDefaults } from '../../lib/filters';
import { useSignedIn } from '../../lib/session';
import { ForecastsPanel } from './forecasts.panel';
import { HealthPanels, SummaryPanel } from './health.panels';
import { RegisterPanel } from './register.panel';
import { DependenciesPanel, RiskItemsPanels } from './risk-items.panels';

const RISK_FILTERS = ['from', 'to', 'boardId', 'teamId', 'portfolioId', 'asOf'] as const;

/** Delivery risk of a board (or all): roll-up, register, items at risk, forecasts, dependencies, quality. */
export function RiskPage() {
  const { me } = useSignedIn();
  const { params, update } = useFilters((search) => windowDefaults(me.workspace.timezone, search));
  const query = pick(params, RISK_FILTERS);
  const boardId = params.get('boardId');
  return (
    <>
      <PageHeader title={boardId ? `Risk on ${boardId}` : 'Delivery risk'} subtitle={params.get('asOf') ? `As known at ${params.get('asOf')}` : 'Now'} />
      <FilterBar params={params} update={update} show={{ dates: true, board: true, asOf: true }} />
      <div className="grid">
        <SummaryPanel query={query} />
        <RegisterPanel query={query} />
        <RiskItemsPanels query={query} />
        <ForecastsPanel query={query} kind="releases" />
        <ForecastsPanel query={query} kind="epics" />
        <DependenciesPanel query={query} />
        <HealthPanels query={query} />
      </div>
    </>
  );
}
