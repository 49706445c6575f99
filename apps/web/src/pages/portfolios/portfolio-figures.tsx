import { Link } from 'react-router';
import { Stat } from '../../components/figure';
import { Panel } from '../../components/panel';
import type { Capacity, Portfolio } from '../../lib/capacity-types';
import { useApi } from '../../lib/use-api';

/** The saved portfolio's capacity figures over the API's default window, and the way to its capacity page. */
export function PortfolioFigures({ portfolio }: { portfolio: Portfolio }) {
  const capacity = useApi<Capacity>('capacity', new URLSearchParams({ portfolioId: portfolio.id }));
  return (
    <Panel title={`Figures of ${portfolio.name}`} subtitle="Capacity over the default window" name={`portfolio-figures-${portfolio.id}`} query={capacity} dataQuery={`portfolioId=${portfolio.id}`}>
      {(d) => (
        <>
          <div className="stats">
            <Stat label="Capacity (FTE-days)" figure="capacity.capacityDays" value={d.capacityDays} />
            <Stat label="Throughput" figure="capacity.throughput" value={d.throughput} format="count" />
            <Stat label="Arrivals" figure="capacity.arrivals" value={d.arrivals} format="count" />
            <Stat label="Net flow" figure="capacity.netFlow" value={d.netFlow} format="count" />
            <Stat label="Backlog" figure="capacity.backlog" value={d.backlog} format="count" />
          </div>
          <Link to={`/capacity?portfolioId=${portfolio.id}`}>Capacity page of {portfolio.name}</Link>
        </>
      )}
    </Panel>
  );
}
