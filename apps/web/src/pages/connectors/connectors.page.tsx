import { type FormEvent, useState } from 'react';
import { PageHeader } from '../../components/page-header';
import { Empty, ErrorNote, Loading } from '../../components/query-state';
import { useTimeZone } from '../../components/use-time-zone';
import type { Connector } from '../../lib/api-types';
import { formatDateTime } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { useApiMutation } from '../../lib/use-mutation-api';
import { DeadLettersPanel } from './dead-letters.panel';
import { SetupSteps } from './setup-steps';

interface Activity {
  connectorId: string;
  deliveries: number;
  accepted: number;
  ignored: number;
  deadLettered: number;
  lastDelivery: { at: string; outcome: string } | null;
}

type Created = Connector & { webhookToken: string; tokenWebhookPath: string };

/** Connectors (admin): webhook URL to paste, set-up steps, deliveries and the last one, dead letters. */
export function ConnectorsPage() {
  const zone = useTimeZone();
  const connectors = useApi<{ items: Connector[] }>('connectors');
  const activity = useApi<{ items: Activity[] }>('connectors/activity');
  const create = useApiMutation<{ type: string; name: string; secret?: string }, Created>('POST', () => 'connectors');
  const [form, setForm] = useState({ type: 'jira', name: '', secret: '' });
  const [created, setCreated] = useState<Created | null>(null);
  const origin = window.location.origin;
  const urlOf = (c: Connector) => c.webhookUrl ?? `${origin}${c.webhookPath}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ type: form.type, name: form.name.trim(), ...(form.secret ? { secret: form.secret } : {}) }, { onSuccess: (c) => (setCreated(c), setForm({ type: form.type, name: '', secret: '' })) });
  };

  return (
    <>
      <PageHeader title="Connectors" subtitle="Where Jira, Trello and other tools send their events" />
      <section className="panel" aria-label="New connector">
        <h2>Add a connector</h2>
        <form className="form-row" onSubmit={submit}>
          <label className="field">
            <span>Source</span>
            <select name="type" value={form.type} onChange={(e) => setForm({ ...form, type: e.target.value })}>
              <option value="jira">Jira</option>
              <option value="trello">Trello</option>
              <option value="generic">Generic webhook</option>
            </select>
          </label>
          <label className="field">
            <span>Name</span>
            <input name="connectorName" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} required placeholder="e.g. Acme Jira Cloud" />
          </label>
          <label className="field">
            <span>Signing secret (optional)</span>
            <input name="secret" type="password" value={form.secret} onChange={(e) => setForm({ ...form, secret: e.target.value })} placeholder="shared with the source" autoComplete="new-password" />
          </label>
          <button type="submit" className="btn-primary" disabled={create.isPending || !form.name.trim()}>
            Create
          </button>
        </form>
        {create.error && <ErrorNote error={create.error} />}
        {created && (
          <div className="notice" role="status">
            Created <b>{created.name}</b>. Webhook URL: <code>{urlOf(created)}</code>. For a source that cannot sign, use (shown once) <code>{`${origin}${created.tokenWebhookPath}`}</code>
          </div>
        )}
      </section>
      {connectors.error ? (
        <ErrorNote error={connectors.error} />
      ) : !connectors.data ? (
        <Loading />
      ) : connectors.data.items.length === 0 ? (
        <Empty>No connector yet.</Empty>
      ) : (
        connectors.data.items.map((c) => {
          const a = activity.data?.items.find((x) => x.connectorId === c.id);
          return (
            <section key={c.id} className="panel" style={{ marginTop: 16 }} aria-label={`Connector ${c.name}`}>
              <header className="panel-head">
                <div>
                  <h2>
                    {c.name} <span className="badge">{c.type}</span> {c.signed ? <span className="badge badge-good">signed</span> : <span className="badge badge-warn">token URL</span>}
                  </h2>
                  <p className="panel-sub">Created {formatDateTime(c.createdAt, zone)}</p>
                </div>
                <button type="button" className="btn-ghost" onClick={() => void navigator.clipboard?.writeText(urlOf(c))}>
                  Copy webhook URL
                </button>
              </header>
              <div className="form-row">
                <span className="field">
                  <span>Webhook URL</span>
                  <code data-webhook-url>{urlOf(c)}</code>
                </span>
              </div>
              <div className="stats">
                <div className="stat">
                  <div className="stat-label">Last delivery</div>
                  <div className="stat-value small-value">{a?.lastDelivery ? `${formatDateTime(a.lastDelivery.at, zone)} (${a.lastDelivery.outcome})` : 'none yet'}</div>
                </div>
                <div className="stat">
                  <div className="stat-label">Deliveries</div>
                  <div className="stat-value">{a?.deliveries ?? 0}</div>
                </div>
                <div className="stat">
                  <div className="stat-label">Dead-lettered</div>
                  <div className="stat-value">{a?.deadLettered ?? 0}</div>
                </div>
              </div>
              <details>
                <summary>Set-up steps</summary>
                <SetupSteps connector={c} url={urlOf(c)} />
              </details>
            </section>
          );
        })
      )}
      <DeadLettersPanel connectors={connectors.data?.items ?? []} />
    </>
  );
}
