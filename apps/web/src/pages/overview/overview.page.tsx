import { PageHeader } from '../../components/page-header';
import { useFilters, windowDefaults } from '../../lib/filters';
import { useSignedIn } from '../../lib/session';
import { PortfolioTiles } from './portfolio-tiles';

export function OverviewPage() {
  const { me } = useSignedIn();
  const { params } = useFilters((search) => windowDefaults(me.workspace.timezone, search));
  return (
    <>
      <PageHeader title="Portfolio overview" subtitle={`From ${params.get('from')} to ${params.get('to')}`} />
      <PortfolioTiles params={params} />
    </>
  );
}
