import { Link } from 'react-router';
import { Stat } from '../../components/figure';
import { Panel } from '../../components/panel';
import type { Capacity, Portfolio } from '../../lib/capacity-types';
import { METRIC_FILTERS, pick } from '../../lib/filters';
import { useApi } from '../../lib/use-api';
import { RiskBadge, type RiskRollUp, useRiskRollUp } from './risk-badge';

function PortfolioTile({ portfolio, params, risk }: { portfolio: Portfolio; params: URLSearchParams; risk: RiskRollUp }) {
  const query = pick(params, METRIC_FILTERS.filter((f) => f !== 'teamId' && f !== 'portfolioId'));
  query.set('portfolioId', portfolio.id);
  const capacity = useApi<Capacity>('capacity', query);
  return (
    <Panel title={portfolio.name} subtitle={`${portfolio.teamIds.length} team(s)`} name={`portfolio-${portfolio.id}`} query={capacity} dataQuery={`portfolioId=${portfolio.id}`}>
      {(d) => (
        <>
          <RiskBadge rollUp={risk} id={portfolio.id} by="portfolio" />
          <div className="stats">
            <Stat label="Capacity (FTE-days)" figure="capacity.capacityDays" value={d.capacityDays} />
            <Stat label="Throughput" figure="capacity.throughput" value={d.throughput} format="count" />
            <Stat label="Net flow" figure="capacity.netFlow" value={d.netFlow} format="count" />
            <Stat label="Load per FTE" figure="capacity.loadPerFte" value={d.loadPerFte} />
            <Stat label="Backlog weeks" figure="capacity.backlogWeeks" value={d.backlogWeeks} />
          </div>
          <Link to={`/capacity?portfolioId=${portfolio.id}`}>Capacity page</Link>
        </>
      )}
    </Panel>
  );
}

/** One tile per portfolio with its capacity figures over the page's window. */
export function PortfolioTiles({ params }: { params: URLSearchParams }) {
  const portfolios = useApi<{ items: Portfolio[] }>('portfolios');
  const items = portfolios.data?.items ?? [];
  const risk = useRiskRollUp(params, 'portfolio');
  if (items.length === 0) return null;
  return (
    <div className="tiles" aria-label="Portfolios">
      {items.map((p) => (
        <PortfolioTile key={p.id} portfolio={p} params={params} risk={risk} />
      ))}
    </div>
  );
}
