import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { PageHeader } from '../../components/page-header';
import { Empty, ErrorNote, Loading } from '../../components/query-state';
import { useTimeZone } from '../../components/use-time-zone';
import type { Connector } from '../../lib/api-types';
import { formatDateTime } from '../../lib/format';
import { useSignedIn } from '../../lib/session';
import { useApi } from '../../lib/use-api';
import { useApiMutation } from '../../lib/use-mutation-api';

interface ImportJobView {
  id: string;
  kind: string;
  connectorId: string;
  origin: string;
  status: string;
  unit: string;
  itemsDone: number;
  itemsTotal: number | null;
  eventsAppended: number;
  failures: number;
  error: string | null;
  etaSeconds: number | null;
  createdAt: string;
  finishedAt: string | null;
}

const ACTIVE = new Set(['queued', 'running']);

/** Back-fill and import jobs (admin), with live progress while any is queued or running. */
export function ImportsPage() {
  const { api } = useSignedIn();
  const zone = useTimeZone();
  const connectors = useApi<{ items: Connector[] }>('connectors');
  const jobs = useQuery({
    queryKey: ['imports', ''],
    queryFn: () => api.get<{ items: ImportJobView[] }>('imports'),
    refetchInterval: (q) => (q.state.data?.items.some((j) => ACTIVE.has(j.status)) ? 1500 : false),
  });
  const start = useApiMutation<Record<string, unknown>, ImportJobView>('POST', () => 'imports');
  const cancel = useApiMutation<string>('POST', (id) => `imports/${id}/cancel`, () => ({}));
  const [kind, setKind] = useState('jira-file');
  const [connectorId, setConnectorId] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const set = (name: string) => (e: { target: { value: string } }) => setFields({ ...fields, [name]: e.target.value });
  const chosen = connectorId || connectors.data?.items[0]?.id || '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: Record<string, unknown> = { kind, connectorId: chosen };
    if (kind.endsWith('-file')) Object.assign(body, { file: file?.text ?? '', fileName: file?.name });
    if (kind === 'jira-rest') Object.assign(body, { baseUrl: fields['baseUrl'], jql: fields['jql'], auth: { kind: 'basic', email: fields['email'], apiToken: fields['apiToken'] } });
    if (kind === 'trello-rest') Object.assign(body, { boardId: fields['boardId'], key: fields['key'], token: fields['token'] });
    start.mutate(body, { onSuccess: () => void jobs.refetch() });
  };

  const input = (name: string, label: string, type = 'text') => (
    <label className="field" key={name}>
      <span>{label}</span>
      <input name={name} type={type} value={fields[name] ?? ''} onChange={set(name)} required />
    </label>
  );

  return (
    <>
      <PageHeader title="Imports" subtitle="Back-fill history from Jira or Trello, or load an export file" />
      <section className="panel" aria-label="New import">
        <h2>Start an import</h2>
        <form className="form-row" onSubmit={submit}>
          <label className="field">
            <span>Kind</span>
            <select name="kind" value={kind} onChange={(e) => setKind(e.target.value)}>
              <option value="jira-file">Jira export file</option>
              <option value="trello-file">Trello export file</option>
              <option value="jira-rest">Jira REST back-fill</option>
              <option value="trello-rest">Trello REST back-fill</option>
            </select>
          </label>
          <label className="field">
            <span>Into connector</span>
            <select name="connectorId" value={chosen} onChange={(e) => setConnectorId(e.target.value)}>
              {(connectors.data?.items ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} ({c.type})
                </option>
              ))}
            </select>
          </label>
          {kind.endsWith('-file') && (
            <label className="field">
              <span>File (JSON, up to the body limit)</span>
              <input name="file" type="file" accept=".json,application/json" required onChange={(e) => void e.target.files?.[0]?.text().then((text) => setFile({ name: e.target.files?.[0]?.name ?? 'export.json', text }))} />
            </label>
          )}
          {kind === 'jira-rest' && [input('baseUrl', 'Site URL'), input('jql', 'JQL'), input('email', 'E-mail'), input('apiToken', 'API token', 'password')]}
          {kind === 'trello-rest' && [input('boardId', 'Board id'), input('key', 'API key'), input('token', 'Token', 'password')]}
          <button type="submit" className="btn-primary" disabled={start.isPending || !chosen}>
            Start import
          </button>
        </form>
        {start.error && <ErrorNote error={start.error} />}
      </section>
      <section className="panel" style={{ marginTop: 16 }} aria-label="Import jobs">
        {jobs.error ? (
          <ErrorNote error={jobs.error} />
        ) : !jobs.data ? (
          <Loading />
        ) : jobs.data.items.length === 0 ? (
          <Empty>No import has run in this workspace.</Empty>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th>Started</th>
                <th>Kind</th>
                <th>Status</th>
                <th>Progress</th>
                <th className="num">Events</th>
                <th className="num">Failures</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {jobs.data.items.map((j) => {
                const share = j.itemsTotal ? Math.min(1, j.itemsDone / j.itemsTotal) : null;
                return (
                  <tr key={j.id} data-import-id={j.id}>
                    <td>{formatDateTime(j.createdAt, zone)}</td>
                    <td>
                      {j.kind} <span className="muted small">({j.origin})</span>
                    </td>
                    <td>
                      <span className={`badge ${j.status === 'succeeded' ? 'badge-good' : j.status === 'failed' ? 'badge-bad' : ACTIVE.has(j.status) ? 'badge-warn' : ''}`}>{j.status}</span>
                      {j.error && <div className="muted small">{j.error}</div>}
                    </td>
                    <td style={{ minWidth: 200 }}>
                      <div className="progress" role="progressbar" aria-valuenow={share === null ? undefined : Math.round(share * 100)} aria-valuemin={0} aria-valuemax={100}>
                        <div className="progress-bar" style={{ width: `${share === null ? (ACTIVE.has(j.status) ? 5 : 100) : share * 100}%` }} />
                      </div>
                      <span className="muted small">
                        {j.itemsDone.toLocaleString('en-GB')}
                        {j.itemsTotal !== null ? ` / ${j.itemsTotal.toLocaleString('en-GB')}` : ''} {j.unit}
                        {j.etaSeconds !== null ? `, about ${Math.ceil(j.etaSeconds / 60)} min left` : ''}
                      </span>
                    </td>
                    <td className="num">{j.eventsAppended.toLocaleString('en-GB')}</td>
                    <td className="num">{j.failures}</td>
                    <td>
                      {ACTIVE.has(j.status) && (
                        <button type="button" className="btn-danger" onClick={() => cancel.mutate(j.id)}>
                          Cancel
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {cancel.error && <ErrorNote error={cancel.error} />}
      </section>
    </>
  );
}
