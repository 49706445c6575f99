import { useCallback, useEffect, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { defaultWindow } from './dates';

/** The common query of every figure endpoint (api.md), in the API's own parameter names. */
export const METRIC_FILTERS = ['from', 'to', 'boardId', 'type', 'team', 'teamId', 'portfolioId', 'asOf'] as const;

export type Defaults = Record<string, string>;
export type FilterPatch = Record<string, string | readonly string[] | null | undefined>;

/** The URL's params with every default the page declares filled in (the URL wins). */
export function withDefaults(params: URLSearchParams, defaults: Defaults): URLSearchParams {
  const merged = new URLSearchParams(params);
  for (const [name, value] of Object.entries(defaults)) if (!merged.has(name)) merged.set(name, value);
  return merged;
}

/** `params` with `patch` applied: null/empty removes a name, an array repeats it. */
export function applyPatch(params: URLSearchParams, patch: FilterPatch): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [name, value] of Object.entries(patch)) {
    next.delete(name);
    if (value === null || value === undefined || value === '') continue;
    if (typeof value === 'string') next.set(name, value);
    else for (const v of value) if (v) next.append(name, v);
  }
  return next;
}

/** Only the named params, in a stable order: what a query key and an API call are built from. */
export function pick(params: URLSearchParams, names: readonly string[]): URLSearchParams {
  const picked = new URLSearchParams();
  for (const name of names) for (const value of params.getAll(name)) if (value !== '') picked.append(name, value);
  return picked;
}

/** A `data-query` value (`boardId=PMO`) merged over the page's params, as outside tests read it. */
export function mergeQuery(params: URLSearchParams, dataQuery: string): URLSearchParams {
  const over = new URLSearchParams(dataQuery);
  const merged = new URLSearchParams(params);
  for (const name of new Set(over.keys())) {
    merged.delete(name);
    for (const v of over.getAll(name)) merged.append(name, v);
  }
  return merged;
}

/** The default date window of a workspace, as the URL carries it. */
export function windowDefaults(timeZone: string, params: URLSearchParams): Defaults {
  const asOf = params.get('asOf');
  const window = defaultWindow(timeZone, asOf);
  // An explicit `to` alone keeps the API's 90-day window ending there.
  const to = params.get('to') ?? window.to;
  const from = params.get('from') ?? defaultWindow(timeZone, `${to}T12:00:00Z`).from;
  return { from, to };
}

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
