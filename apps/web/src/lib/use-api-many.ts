import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { useSignedIn } from './session';

/** Several GETs at once (e.g. one per board), cached as `useApi` caches them. */
export function useApiMany<T>(requests: ReadonlyArray<{ path: string; params: URLSearchParams }>): Array<UseQueryResult<T, Error>> {
  const { api } = useSignedIn();
  return useQueries({
    queries: requests.map(({ path, params }) => ({
      queryKey: [path, params.toString()],
      queryFn: () => api.get<T>(path, params),
      staleTime: 30_000,
    })),
  });
}
