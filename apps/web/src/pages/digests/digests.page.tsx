import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { Figure } from '../../components/figure';
import { PageHeader } from '../../components/page-header';
import { Empty, ErrorNote, Loading } from '../../components/query-state';
import type { AlertChannel, Digest, Items } from '../../lib/alert-types';
import type { Portfolio } from '../../lib/capacity-types';
import { useFilters } from '../../lib/filters';
import { hasRole } from '../../lib/roles';
import { useSignedIn } from '../../lib/session';
import { useApi } from '../../lib/use-api';
import { channelNames, type DigestDraft, digestBodyOf, digestDraftOf, emptyDigestDraft, scheduleText } from './digest-draft';
import { DigestForm } from './digest-form';
import { PreviewPanel } from './preview.panel';
import { SendNow } from './send-now';

/** Weekly digests: the list, one digest's editor, its preview (HTML in a sandboxed frame, or text) and "Send now". */
export function DigestsPage() {
  const { api, me } = useSignedIn();
  const queryClient = useQueryClient();
  const { params, update } = useFilters(() => ({}));
  const digests = useApi<Items<Digest>>('digests');
  const channels = useApi<Items<AlertChannel>>('alert-channels');
  const portfolios = useApi<Items<Portfolio>>('portfolios');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const editable = hasRole(me.key.role, 'analyst');
  const timezone = me.workspace.timezone;
  const items = digests.data?.items ?? [];
  const channelList = channels.data?.items ?? [];
  const portfolioList = portfolios.data?.items ?? [];
  const portfolioName = (id: string | null) => (id === null ? 'whole workspace' : (portfolioList.find((p) => p.id === id)?.name ?? 'deleted portfolio'));
  const selected = params.get('digestId');
  const current = selected === 'new' ? null : (items.find((d) => d.id === selected) ?? (selected ? null : (items[0] ?? null)));
  const unknown = selected !== null && selected !== 'new' && digests.data !== undefined && current === null;
  const select = (digestId: string) => {
    setError(null);
    update({ digestId });
  };

  const save = async (d: DigestDraft) => {
    setSaving(true);
    setError(null);
    try {
      const body = digestBodyOf(d);
      const saved = current ? await api.send<Digest>('PUT', `digests/${current.id}`, body) : await api.send<Digest>('POST', 'digests', body);
      await queryClient.invalidateQueries();
      update({ digestId: saved.id });
    } catch (e) {
      setError(e as Error);
    } finally {
      setSaving(false);
    }
  };
  const remove = async () => {
    if (!current || !window.confirm(`Delete the digest ${current.name}? It is sent no more; its delivery log stays.`)) return;
    setError(null);
    try {
      await api.send('DELETE', `digests/${current.id}`);
      // Off the deleted digest first: the refetch may wait behind a preview still rendering.
      update({ digestId: null });
      await queryClient.invalidateQueries();
    } catch (e) {
      setError(e as Error);
    }
  };

  const loading = digests.isPending || channels.isPending || portfolios.isPending;
  const failed = digests.error ?? channels.error ?? portfolios.error;
  return (
    <>
      <PageHeader
        title="Digests"
        subtitle={`A weekly mail for leadership: a portfolio's flow, capacity, risk and firing alerts, sent at a local time (${timezone})`}
        actions={
          <>
            <Link to="/alert-channels">Channels</Link>{' '}
            {editable && (
              <button type="button" className="btn-primary" onClick={() => select('new')}>
                New digest
              </button>
            )}
          </>
        }
      />
      {loading ? (
        <Loading />
      ) : failed ? (
        <ErrorNote error={failed} />
      ) : (
        <>
          <div className="grid" style={{ gridTemplateColumns: 'minmax(360px, 3fr) minmax(0, 2fr)' }}>
            <section className="panel" aria-label="Digest list" aria-busy={digests.isFetching}>
              {items.length === 0 ? (
                <Empty>No digest yet.{editable ? ' Make one with the editor.' : ''}</Empty>
              ) : (
                <table className="table">
                  <thead>
                    <tr>
                      <th>digest</th>
                      <th>portfolio</th>
                      <th>channels</th>
                      <th>schedule (local)</th>
                      <th>last scheduled send</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((d) => (
                      <tr key={d.id} aria-selected={current?.id === d.id} data-digest-id={d.id}>
                        <td>
                          <button type="button" className="btn-link" onClick={() => select(d.id)}>
                            {d.name}
                          </button>
                        </td>
                        <td>{portfolioName(d.portfolioId)}</td>
                        <td className="small">{channelNames(d.channelIds, channelList).join(', ')}</td>
                        <td data-weekday={d.weekday} data-hour={d.hour}>
                          {scheduleText(d.weekday, d.hour)}
                        </td>
                        <td>
                          <Figure figure={`digests.items[id=${d.id}].lastSentFor`} value={d.lastSentFor} format="date" />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
            <section className="panel" aria-label="Digest editor">
              <header className="panel-head">
                <h2>{current ? current.name : 'New digest'}</h2>
                {current && editable && (
                  <button type="button" className="btn-ghost btn-danger" onClick={remove}>
                    Delete digest
                  </button>
                )}
              </header>
              {unknown && <ErrorNote error={new Error(`There is no digest ${selected} (deleted?); the form makes a new one.`)} />}
              <DigestForm
                key={current ? `${current.id}:${JSON.stringify(digestBodyOf(digestDraftOf(current)))}` : 'new'}
                initial={current ? digestDraftOf(current) : emptyDigestDraft()}
                portfolios={portfolioList}
                channels={channelList}
                timezone={timezone}
                editable={editable}
                saving={saving}
                error={error}
                onSave={save}
              />
              {current && editable && <SendNow key={current.id} digest={current} channels={channelList} timezone={timezone} />}
            </section>
          </div>
          {current ? (
            <div className="grid" style={{ marginTop: 16 }}>
              <PreviewPanel key={current.id} digest={current} onOpen={() => selected !== current.id && update({ digestId: current.id })} />
            </div>
          ) : (
            <p className="muted">Save the digest to preview it or send it now.</p>
          )}
        </>
      )}
    </>
  );
}
