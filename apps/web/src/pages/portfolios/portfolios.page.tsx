import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Figure } from '../../components/figure';
import { PageHeader } from '../../components/page-header';
import { ErrorNote, Loading } from '../../components/query-state';
import { ApiRequestError } from '../../lib/api-client';
import type { Portfolio, Team } from '../../lib/capacity-types';
import { hasRole } from '../../lib/roles';
import { useSignedIn } from '../../lib/session';
import { useApi } from '../../lib/use-api';
import { emptyPortfolioDraft, type PortfolioDraft, portfolioBodyOf, portfolioDraftOf } from './portfolio-draft';
import { PortfolioFigures } from './portfolio-figures';
import { PortfolioForm } from './portfolio-form';

/** Portfolio editor: the list of portfolios, and one portfolio's teams, boards and owners. */
export function PortfoliosPage() {
  const { api, me } = useSignedIn();
  const queryClient = useQueryClient();
  const portfolios = useApi<{ items: Portfolio[] }>('portfolios');
  const teams = useApi<{ items: Team[] }>('teams');
  const [selected, setSelected] = useState<string | 'new' | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editable = hasRole(me.key.role, 'analyst');
  const items = portfolios.data?.items ?? [];
  const teamList = teams.data?.items ?? [];
  const current = selected === 'new' ? null : (items.find((p) => p.id === selected) ?? items[0] ?? null);
  const draft: PortfolioDraft = current ? portfolioDraftOf(current) : emptyPortfolioDraft();
  const teamName = (id: string) => teamList.find((t) => t.id === id)?.name ?? id;
  // A refusal belongs to the portfolio it was about: another one opens without it.
  const select = (id: string | 'new' | null) => {
    setSelected(id);
    setError(null);
  };

  const save = async (d: PortfolioDraft) => {
    setSaving(true);
    setError(null);
    try {
      const body = portfolioBodyOf(d);
      const saved = current ? await api.send<Portfolio>('PUT', `portfolios/${current.id}`, body) : await api.send<Portfolio>('POST', 'portfolios', body);
      await queryClient.invalidateQueries();
      setSelected(saved.id);
    } catch (e) {
      setError(e instanceof ApiRequestError ? e.readable : (e as Error).message);
    } finally {
      setSaving(false);
    }
  };
  const remove = async () => {
    if (!current || !window.confirm(`Delete portfolio ${current.name}? Its teams and boards stay.`)) return;
    setError(null);
    try {
      await api.send('DELETE', `portfolios/${current.id}`);
      await queryClient.invalidateQueries();
      setSelected(null);
    } catch (e) {
      setError(e instanceof ApiRequestError ? e.readable : (e as Error).message);
    }
  };

  return (
    <>
      <PageHeader
        title="Portfolios"
        subtitle="Teams, boards and owners: portfolio figures, forecasts and digests use them at once"
        actions={editable && <button type="button" className="btn-primary" onClick={() => select('new')}>New portfolio</button>}
      />
      {portfolios.isPending || teams.isPending ? (
        <Loading />
      ) : portfolios.error || teams.error ? (
        <ErrorNote error={(portfolios.error ?? teams.error) as Error} />
      ) : (
        <>
          <div className="grid" style={{ gridTemplateColumns: '280px minmax(0, 1fr)' }}>
            <section className="panel" aria-label="Portfolio list">
              <table className="table">
                <thead><tr><th>portfolio</th><th className="num">teams</th></tr></thead>
                <tbody>
                  {items.map((p) => (
                    <tr key={p.id} aria-selected={current?.id === p.id}>
                      <td><button type="button" className="btn-ghost" onClick={() => select(p.id)}>{p.name}</button></td>
                      <td className="num"><Figure figure={`portfolios.items[id=${p.id}].teamIds.length`} value={p.teamIds.length} format="count" /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {items.length === 0 && <p className="muted">No portfolio yet.</p>}
            </section>
            <section className="panel" aria-label="Portfolio editor">
              {error && <p className="state-error" role="alert">{error}</p>}
              {current && (
                <p className="small">
                  {current.teamIds.length > 0 ? `Teams: ${current.teamIds.map(teamName).join(', ')}` : 'No team'}
                  {current.owners.length > 0 && ` · owners: ${current.owners.join(', ')}`}
                  {editable && (
                    <button type="button" className="btn-ghost btn-danger" style={{ marginLeft: 12 }} onClick={remove}>Delete portfolio</button>
                  )}
                </p>
              )}
              <PortfolioForm key={current?.id ?? 'new'} initial={draft} teams={teamList} editable={editable} saving={saving} onSave={save} />
            </section>
          </div>
          {current && <PortfolioFigures key={current.id} portfolio={current} />}
        </>
      )}
    </>
  );
}
