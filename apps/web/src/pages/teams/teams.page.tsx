import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { Figure } from '../../components/figure';
import { PageHeader } from '../../components/page-header';
import { ErrorNote, Loading } from '../../components/query-state';
import { ApiRequestError } from '../../lib/api-client';
import { bodyOf, draftOf, emptyDraft, type TeamDraft } from '../../lib/capacity-data';
import type { Team } from '../../lib/capacity-types';
import { hasRole } from '../../lib/roles';
import { useSignedIn } from '../../lib/session';
import { useApi } from '../../lib/use-api';
import { TeamForm } from './team-form';

/** Team editor: the list of teams, and one team's boards, members, calendar and absences. */
export function TeamsPage() {
  const { api, me } = useSignedIn();
  const queryClient = useQueryClient();
  const teams = useApi<{ items: Team[] }>('teams');
  const [selected, setSelected] = useState<string | 'new' | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editable = hasRole(me.key.role, 'analyst');
  const items = teams.data?.items ?? [];
  const current = selected === 'new' ? null : (items.find((t) => t.id === selected) ?? items[0] ?? null);
  const draft: TeamDraft = current ? draftOf(current) : emptyDraft();

  const save = async (d: TeamDraft) => {
    setSaving(true);
    setError(null);
    try {
      const saved = current ? await api.send<Team>('PUT', `teams/${current.id}`, bodyOf(d)) : await api.send<Team>('POST', 'teams', bodyOf(d));
      await queryClient.invalidateQueries();
      setSelected(saved.id);
    } catch (e) {
      setError(e instanceof ApiRequestError ? e.readable : (e as Error).message);
    } finally {
      setSaving(false);
    }
  };
  const remove = async () => {
    if (!current || !window.confirm(`Delete team ${current.name}? It leaves its portfolios.`)) return;
    await api.send('DELETE', `teams/${current.id}`);
    await queryClient.invalidateQueries();
    setSelected(null);
  };

  return (
    <>
      <PageHeader
        title="Teams"
        subtitle="Boards, members, calendars and absences: capacity figures use them at once"
        actions={editable && <button type="button" className="btn-primary" onClick={() => setSelected('new')}>New team</button>}
      />
      {teams.isPending ? (
        <Loading />
      ) : teams.error ? (
        <ErrorNote error={teams.error} />
      ) : (
        <div className="grid" style={{ gridTemplateColumns: '280px minmax(0, 1fr)' }}>
          <section className="panel" aria-label="Team list">
            <table className="table">
              <thead><tr><th>team</th><th className="num">members</th></tr></thead>
              <tbody>
                {items.map((t) => (
                  <tr key={t.id} aria-selected={current?.id === t.id}>
                    <td><button type="button" className="btn-ghost" onClick={() => setSelected(t.id)}>{t.name}</button></td>
                    <td className="num"><Figure figure={`teams.items[id=${t.id}].members.length`} value={t.members.length} format="count" /></td>
                  </tr>
                ))}
              </tbody>
            </table>
            {items.length === 0 && <p className="muted">No team yet.</p>}
          </section>
          <section className="panel" aria-label="Team editor">
            {error && <p className="state-error" role="alert">{error}</p>}
            {current && (
              <p className="small">
                <Link to={`/capacity?teamId=${current.id}`}>Capacity of {current.name}</Link>
                {editable && (
                  <button type="button" className="btn-ghost btn-danger" style={{ marginLeft: 12 }} onClick={remove}>Delete team</button>
                )}
              </p>
            )}
            <TeamForm key={current?.id ?? 'new'} initial={draft} editable={editable} saving={saving} onSave={save} />
          </section>
        </div>
      )}
    </>
  );
}
