import { useFilters, windowDefaults } from '../../lib/filters';
import { useSignedIn } from '../../lib/session';

/** The board page's filter state: the common query plus the throughput interval, defaults in the URL. */
export function useFlowFilters() {
  const { me } = useSignedIn();
  return useFilters((search) => ({ ...windowDefaults(me.workspace.timezone, search), interval: 'week' }));
}
