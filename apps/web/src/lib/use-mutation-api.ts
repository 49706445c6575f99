import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useSignedIn } from './session';

type Method = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A change through the API; on success every cached answer is refetched (figures may change too). */
export function useApiMutation<TBody, TResult = unknown>(method: Method, path: (body: TBody) => string, payload: (body: TBody) => unknown = (b) => b) {
  const { api } = useSignedIn();
  const client = useQueryClient();
  return useMutation<TResult, Error, TBody>({
    mutationFn: (body) => api.send<TResult>(method, path(body), method === 'DELETE' ? undefined : payload(body)),
    onSuccess: () => client.invalidateQueries(),
  });
}
