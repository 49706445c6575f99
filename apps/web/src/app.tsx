import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, Outlet, RouterProvider } from 'react-router';
import { Layout } from './components/layout';
import { ErrorNote, Loading } from './components/query-state';
import { hasRole } from './lib/roles';
import { SessionProvider, useSession } from './lib/session';
import type { PageDefinition } from './pages/page';
import { PAGES } from './pages/registry';
import { SignInPage } from './pages/sign-in/sign-in.page';

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: (count, error) => count < 1 && !('status' in error && Number(error.status) >= 400 && Number(error.status) < 500), refetchOnWindowFocus: false } } });

/** Every URL loads directly: signed out, it asks for the key first, then shows that view. */
function Gate() {
  const { apiKey, me, checking } = useSession();
  if (!apiKey) return <SignInPage />;
  if (checking || !me) return <Loading label="Signing in…" />;
  return (
    <Layout>
      <Outlet />
    </Layout>
  );
}

function Guarded({ page }: { page: PageDefinition }) {
  const { me } = useSession();
  if (!hasRole(me?.key.role, page.minRole ?? 'viewer')) return <ErrorNote error={new Error(`${page.title} needs the ${page.minRole} role; this key is ${me?.key.role}.`)} />;
  const Component = page.component;
  return <Component />;
}

const router = createBrowserRouter([
  {
    element: <Gate />,
    children: [
      ...PAGES.map((page) => ({ path: page.path, element: <Guarded page={page} /> })),
      { path: '*', element: <ErrorNote error={new Error('There is no such page.')} /> },
    ],
  },
]);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </QueryClientProvider>
  );
}
