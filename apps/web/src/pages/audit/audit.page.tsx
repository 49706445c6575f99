import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { PageHeader } from '../../components/page-header';
import { Empty, ErrorNote, Loading } from '../../components/query-state';
import type { AuditEntry, AuditPage } from '../../lib/api-types';
import { pick, useFilters } from '../../lib/filters';
import { formatDateTime } from '../../lib/format';
import { useSignedIn } from '../../lib/session';

const PAGE_SIZE = 50;

function Change({ entry }: { entry: AuditEntry }) {
  if (entry.before === null && entry.after === null) return <span className="muted">—</span>;
  return (
    <details>
      <summary>before / after</summary>
      <div className="audit-diff">
        <pre aria-label="before">{JSON.stringify(entry.before, null, 2)}</pre>
        <pre aria-label="after">{JSON.stringify(entry.after, null, 2)}</pre>
      </div>
    </details>
  );
}

/** The audit log (admin): every configuration change, newest first, filtered by target and actor through the URL. */
export function AuditPage() {
  const { api, me } = useSignedIn();
  const { params, update } = useFilters(() => ({}));
  const query = pick(params, ['target', 'actorKeyId']);
  const [target, setTarget] = useState(params.get('target') ?? '');
  const pages = useInfiniteQuery({
    queryKey: ['audit', query.toString()],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const search = new URLSearchParams(query);
      search.set('limit', String(PAGE_SIZE));
      if (pageParam) search.set('cursor', pageParam);
      return api.get<AuditPage>('audit', search);
    },
    getNextPageParam: (last) => last.nextCursor,
  });
  const entries = pages.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader title="Audit log" subtitle="Every configuration change, newest first; secrets are never shown." />
      <form className="filters" aria-label="Filters" onSubmit={(e) => (e.preventDefault(), update({ target }))}>
        <label className="filter">
          <span>Target (type or type:id)</span>
          <input name="target" value={target} placeholder="connector" onChange={(e) => setTarget(e.target.value)} onBlur={() => update({ target })} />
        </label>
        {params.get('actorKeyId') && (
          <button type="button" className="btn-ghost" onClick={() => update({ actorKeyId: null })}>
            Any actor
          </button>
        )}
      </form>
      <section className="panel panel-wide" aria-busy={pages.isFetching}>
        {pages.isPending ? (
          <Loading />
        ) : pages.isError ? (
          <ErrorNote error={pages.error} />
        ) : entries.length === 0 ? (
          <Empty>No change recorded{query.toString() ? ' for these filters' : ''}.</Empty>
        ) : (
          <div className="table-scroll">
            <table className="table" aria-label="Audit entries">
              <thead>
                <tr>
                  <th>When</th>
                  <th>Who</th>
                  <th>Action</th>
                  <th>Target</th>
                  <th>Change</th>
                  <th>Request id</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.id} data-audit-id={e.id}>
                    <td title={e.at}>{formatDateTime(e.at, me.workspace.timezone)}</td>
                    <td>
                      {e.actor.keyId ? (
                        <button type="button" className="btn-link" title="Only this key's changes" onClick={() => update({ actorKeyId: e.actor.keyId })}>
                          {e.actor.name}
                        </button>
                      ) : (
                        e.actor.name
                      )}
                    </td>
                    <td>
                      <code data-audit-action>{e.action}</code>
                    </td>
                    <td>
                      {e.target.type}
                      {e.target.id && <span className="muted small"> {e.target.id}</span>}
                    </td>
                    <td>
                      <Change entry={e} />
                    </td>
                    <td className="muted small">{e.requestId ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {pages.hasNextPage && (
          <button type="button" className="btn-ghost" disabled={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
            {pages.isFetchingNextPage ? 'Loading…' : 'Load older entries'}
          </button>
        )}
      </section>
    </>
  );
}
