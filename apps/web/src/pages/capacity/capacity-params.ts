import { useEffect } from 'react';
import type { Portfolio, Team } from '../../lib/capacity-types';
import { METRIC_FILTERS, pick, useFilters, windowDefaults } from '../../lib/filters';
import { useSignedIn } from '../../lib/session';
import { useApi } from '../../lib/use-api';

/** The capacity page's state: window, interval and one teamId or portfolioId, all in the URL. */
export function useCapacityFilters() {
  const { me } = useSignedIn();
  const { params, update } = useFilters((search) => ({ ...windowDefaults(me.workspace.timezone, search), interval: 'week' }));
  const teams = useApi<{ items: Team[] }>('teams');
  const portfolios = useApi<{ items: Portfolio[] }>('portfolios');
  const teamId = params.get('teamId');
  const portfolioId = params.get('portfolioId');
  // Without a subject in the URL, show the first portfolio (else the first team).
  useEffect(() => {
    if (teamId || portfolioId || !teams.data || !portfolios.data) return;
    const portfolio = portfolios.data.items[0];
    const team = teams.data.items[0];
    if (portfolio) update({ portfolioId: portfolio.id });
    else if (team) update({ teamId: team.id });
  }, [teamId, portfolioId, teams.data, portfolios.data, update]);
  const query = pick(params, [...METRIC_FILTERS, 'interval']);
  return { params, update, query, teams: teams.data?.items ?? [], portfolios: portfolios.data?.items ?? [], teamId, portfolioId, ready: Boolean(teamId || portfolioId), listed: Boolean(teams.data && portfolios.data) };
}
