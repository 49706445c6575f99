import type { ReactNode } from 'react';
import { Link, NavLink, useLocation } from 'react-router';
import { hasRole } from '../lib/roles';
import { useSignedIn, useSession } from '../lib/session';
import { useBoards } from '../lib/use-boards';
import { PAGES } from '../pages/registry';

/** The signed-in frame: side navigation from the page registry, workspace, role and sign-out. */
export function Layout({ children }: { children: ReactNode }) {
  const { me } = useSignedIn();
  const { signOut } = useSession();
  const { boards } = useBoards();
  const location = useLocation();
  const visible = PAGES.filter((p) => p.nav && hasRole(me.key.role, p.minRole ?? 'viewer')).sort((a, b) => (a.nav?.order ?? 0) - (b.nav?.order ?? 0));
  const group = (name: 'analytics' | 'settings') => visible.filter((p) => p.nav?.group === name);
  const boardOpen = (boardId: string) => location.pathname === '/flow' && new URLSearchParams(location.search).get('boardId') === boardId;

  return (
    <div className="app">
      <aside className="sidebar">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Flowlens
        </Link>
        <nav aria-label="Main">
          <div className="nav-group">Analytics</div>
          {group('analytics').map((p) => (
            <NavLink key={p.path} to={p.path} end className="nav-link">
              {p.nav?.label}
            </NavLink>
          ))}
          {boards.length > 0 && <div className="nav-group">Boards</div>}
          {boards.map((b) => (
            <Link key={b} to={`/flow?boardId=${encodeURIComponent(b)}`} className={`nav-link nav-sub${boardOpen(b) ? ' active' : ''}`}>
              {b}
            </Link>
          ))}
          {group('settings').length > 0 && <div className="nav-group">Settings</div>}
          {group('settings').map((p) => (
            <NavLink key={p.path} to={p.path} className="nav-link">
              {p.nav?.label}
            </NavLink>
          ))}
        </nav>
      </aside>
      <div className="main">
        <header className="topbar">
          <div className="workspace">
            <span className="workspace-name">{me.workspace.name}</span>
            <span className="muted small">{me.workspace.timezone}</span>
          </div>
          <div className="topbar-right">
            <span className={`role role-${me.key.role}`} title={`This key (${me.key.name}) has the ${me.key.role} role`}>
              {me.key.role}
            </span>
            <button type="button" className="btn-ghost" onClick={signOut}>
              Sign out
            </button>
          </div>
        </header>
        <main className="content">{children}</main>
      </div>
    </div>
  );
}
