import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { type ApiClient, createApiClient } from './api-client';
import type { Role } from './roles';

const STORAGE_KEY = 'flowlens.apiKey';

export interface Me {
  readonly workspace: { readonly id: string; readonly name: string; readonly timezone: string };
  readonly key: { readonly id: string; readonly name: string; readonly role: Role; readonly createdAt: string };
}

interface Session {
  readonly apiKey: string | null;
  readonly api: ApiClient | null;
  readonly me: Me | null;
  readonly checking: boolean;
  /** Checks the key against the API (GET /me) and keeps it in sessionStorage only when it works. */
  signIn(apiKey: string): Promise<void>;
  signOut(): void;
}

const SessionContext = createContext<Session | null>(null);

function storedKey(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [apiKey, setApiKey] = useState<string | null>(storedKey);

  const signOut = useCallback(() => {
    sessionStorage.removeItem(STORAGE_KEY);
    setApiKey(null);
    queryClient.clear();
  }, [queryClient]);

  const api = useMemo(() => (apiKey ? createApiClient(apiKey, signOut) : null), [apiKey, signOut]);
  const me = useQuery({ queryKey: ['me', apiKey], queryFn: () => (api as ApiClient).get<Me>('me'), enabled: api !== null, staleTime: 5 * 60_000, retry: false });

  const signIn = useCallback(
    async (candidate: string) => {
      const key = candidate.trim();
      const probe = await createApiClient(key).get<Me>('me');
      queryClient.setQueryData(['me', key], probe);
      sessionStorage.setItem(STORAGE_KEY, key);
      setApiKey(key);
    },
    [queryClient],
  );

  const value = useMemo<Session>(
    () => ({ apiKey, api, me: me.data ?? null, checking: api !== null && me.isPending, signIn, signOut }),
    [apiKey, api, me.data, me.isPending, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in API client and identity; only for pages rendered behind the sign-in gate. */
export function useSignedIn(): { api: ApiClient; me: Me } {
  const { api, me } = useSession();
  if (!api || !me) throw new Error('useSignedIn on a signed-out page');
  return { api, me };
}
