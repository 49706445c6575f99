import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { type ApiClient, createApiClient } from './api-client';
import type { Role } from './roles';

// One entry: the key and the identity last answered for it (so that a reload renders at once).
const STORAGE_KEY = 'flowlens.session';

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

interface Stored {
  readonly apiKey: string;
  readonly me?: Me;
}

function stored(): Stored | null {
  try {
    const value = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as Stored | null;
    return typeof value?.apiKey === 'string' ? value : null;
  } catch {
    return null;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [initial] = useState(stored);
  const [apiKey, setApiKey] = useState<string | null>(initial?.apiKey ?? null);

  const signOut = useCallback(() => {
    sessionStorage.removeItem(STORAGE_KEY);
    setApiKey(null);
    queryClient.clear();
  }, [queryClient]);

  const api = useMemo(() => (apiKey ? createApiClient(apiKey, signOut) : null), [apiKey, signOut]);
  // The identity this tab last had for the key shows the page at once (its figure requests start
  // with it, not after GET /me); GET /me still runs on every load, and a 401 signs out.
  const me = useQuery({
    queryKey: ['me', apiKey],
    queryFn: () => (api as ApiClient).get<Me>('me'),
    enabled: api !== null,
    staleTime: 5 * 60_000,
    retry: false,
    initialData: () => (apiKey !== null && initial?.apiKey === apiKey ? initial.me : undefined),
    initialDataUpdatedAt: 0,
  });
  useEffect(() => {
    if (apiKey !== null && me.data) sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ apiKey, me: me.data } satisfies Stored));
  }, [apiKey, me.data]);

  const signIn = useCallback(
    async (candidate: string) => {
      const key = candidate.trim();
      const probe = await createApiClient(key).get<Me>('me');
      queryClient.setQueryData(['me', key], probe);
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ apiKey: key, me: probe } satisfies Stored));
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
