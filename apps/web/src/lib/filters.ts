import { useCallback, useEffect, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { applyPatch, type Defaults, type FilterPatch, withDefaults } from './search-params';

export * from './search-params';

/**
 * The page's filter state: the URL's query, with the page's defaults written into the URL
 * (replacing the history entry) so that every view can be shared and reloaded as it is.
 */
export function useFilters(defaultsOf: (params: URLSearchParams) => Defaults) {
  const [search, setSearch] = useSearchParams();
  const key = JSON.stringify(defaultsOf(search));
  const defaults = useMemo(() => JSON.parse(key) as Defaults, [key]);
  const params = useMemo(() => withDefaults(search, defaults), [search, defaults]);
  const missing = params.toString() !== search.toString();
  useEffect(() => {
    if (missing) setSearch(params, { replace: true });
  }, [missing, params, setSearch]);
  const update = useCallback((patch: FilterPatch) => setSearch((current) => applyPatch(withDefaults(current, defaults), patch)), [setSearch, defaults]);
  return { params, update };
}
