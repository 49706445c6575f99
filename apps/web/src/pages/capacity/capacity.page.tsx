import { FilterBar } from '../../components/filter-bar';
import { PageHeader } from '../../components/page-header';
import { Loading } from '../../components/query-state';
import { AllocationPanel, CapacityDemandPanel, CostPanel, NetFlowPanel } from './capacity.panels';
import { useCapacityFilters } from './capacity-params';

/** Capacity of one team or portfolio: capacity vs demand, net flow, allocation vs target, flow cost. */
export function CapacityPage() {
  const { params, update, query, teams, portfolios, teamId, portfolioId, ready, listed } = useCapacityFilters();
  const interval = params.get('interval') ?? 'week';
  const subject = teamId ? `team:${teamId}` : portfolioId ? `portfolio:${portfolioId}` : '';
  const name = teamId ? teams.find((t) => t.id === teamId)?.name : portfolios.find((p) => p.id === portfolioId)?.name;
  const choose = (value: string) => {
    const [kind, id] = value.split(':');
    update(kind === 'team' ? { teamId: id, portfolioId: null } : { portfolioId: id, teamId: null });
  };
  return (
    <>
      <PageHeader title={name ? `Capacity: ${name}` : 'Capacity'} subtitle={`From ${params.get('from')} to ${params.get('to')}`} />
      <FilterBar params={params} update={update} show={{ dates: true, type: true, asOf: true, interval: true }}>
        <label className="filter">
          <span>Team or portfolio</span>
          <select name="subject" value={subject} onChange={(e) => choose(e.target.value)}>
            {subject === '' && <option value="">—</option>}
            <optgroup label="Portfolios">
              {portfolios.map((p) => (
                <option key={p.id} value={`portfolio:${p.id}`}>{p.name}</option>
              ))}
            </optgroup>
            <optgroup label="Teams">
              {teams.map((t) => (
                <option key={t.id} value={`team:${t.id}`}>{t.name}</option>
              ))}
            </optgroup>
          </select>
        </label>
      </FilterBar>
      {!ready ? (
        listed && teams.length + portfolios.length === 0 ? <p className="muted">No team or portfolio yet: add one on the Teams page.</p> : <Loading />
      ) : (
        <div className="grid">
          <CapacityDemandPanel query={query} interval={interval} />
          <NetFlowPanel query={query} interval={interval} />
          <AllocationPanel query={query} />
          <CostPanel query={query} />
        </div>
      )}
    </>
  );
}
