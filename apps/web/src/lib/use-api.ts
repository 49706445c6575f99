import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useSignedIn } from './session';

/**
 * GET `/api/v1/<path>` with the page's params, cached by path and params. `figure` names the
 * endpoint as `data-figure` does (api.md: `metrics/` dropped, path parameters left out).
 */
export function useApi<T>(
  path: string,
  params?: URLSearchParams,
  options: { enabled?: boolean; refetchInterval?: number | false | ((data: T | undefined) => number | false) } = {},
): UseQueryResult<T, Error> {
  const { api } = useSignedIn();
  const search = params?.toString() ?? '';
  const interval = options.refetchInterval;
  return useQuery({
    queryKey: [path, search],
    queryFn: () => api.get<T>(path, params),
    enabled: options.enabled ?? true,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    refetchInterval: typeof interval === 'function' ? (query) => interval(query.state.data) : interval,
  });
}
