import { type FormEvent, useState } from 'react';
import { Figure } from '../../components/figure';
import { PageHeader } from '../../components/page-header';
import { Empty, ErrorNote, Loading } from '../../components/query-state';
import { useTimeZone } from '../../components/use-time-zone';
import { CHANNEL_TYPES, type AlertChannel, type AlertDelivery, type ChannelType, type Items } from '../../lib/alert-types';
import { formatDateTime } from '../../lib/format';
import { hasRole } from '../../lib/roles';
import { useSignedIn } from '../../lib/session';
import { useApi } from '../../lib/use-api';
import { useApiMutation } from '../../lib/use-mutation-api';
import { DeliveriesPanel } from '../alerts/deliveries.panel';
import { CHANNEL_FIELDS, channelBodyOf, type ChannelDraft, emptyChannelDraft } from './channel-draft';

const POLL_MS = 1000;

/** Alert channels: create (webhook, Slack, e-mail, log), delete, and a test send followed in the delivery log. */
export function AlertChannelsPage() {
  const { me } = useSignedIn();
  const zone = useTimeZone();
  const editable = hasRole(me.key.role, 'analyst');
  const channels = useApi<Items<AlertChannel>>('alert-channels');
  const create = useApiMutation<ChannelDraft, AlertChannel>('POST', () => 'alert-channels', channelBodyOf);
  const remove = useApiMutation<string>('DELETE', (id) => `alert-channels/${id}`);
  const test = useApiMutation<string, { deliveryId: string }>('POST', (id) => `alert-channels/${id}/test`, () => undefined);
  const [draft, setDraft] = useState<ChannelDraft>(emptyChannelDraft);
  const [tests, setTests] = useState<Record<string, string>>({});
  // The delivery log (one query with the panel below, which polls while a delivery is retrying)
  // is also polled while a test send has not shown up with a final status.
  const deliveries = useApi<Items<AlertDelivery>>('alert-deliveries');
  const deliveryOf = (id: string | undefined) => (id ? deliveries.data?.items.find((d) => d.id === id) : undefined);
  const waiting = Object.values(tests).some((id) => (deliveryOf(id)?.status ?? 'retrying') === 'retrying');
  const fields = CHANNEL_FIELDS[draft.type];
  const set = (patch: Partial<ChannelDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(draft, { onSuccess: () => setDraft(emptyChannelDraft()) });
  };
  return (
    <>
      <PageHeader title="Alert channels" subtitle="Where alerts go: a signed webhook, a Slack incoming webhook, e-mail, or the server log" />
      {editable && (
        <section className="panel" aria-label="New alert channel">
          <h2>Add a channel</h2>
          <form className="form-row" onSubmit={submit} aria-label="Alert channel">
            <label className="field">
              <span>Type</span>
              <select name="type" value={draft.type} onChange={(e) => set({ type: e.target.value as ChannelType })}>
                {CHANNEL_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>Name</span>
              <input name="channelName" value={draft.name} onChange={(e) => set({ name: e.target.value })} placeholder="e.g. PMO Slack" />
            </label>
            {fields.includes('url') && (
              <label className="field">
                <span>URL</span>
                <input name="url" value={draft.url} onChange={(e) => set({ url: e.target.value })} placeholder="https://…" />
              </label>
            )}
            {fields.includes('secret') && (
              <label className="field">
                <span>Signing secret (optional)</span>
                <input name="secret" type="password" autoComplete="new-password" value={draft.secret} onChange={(e) => set({ secret: e.target.value })} />
              </label>
            )}
            {fields.includes('to') && (
              <label className="field">
                <span>To (comma-separated e-mails)</span>
                <input name="to" value={draft.to} onChange={(e) => set({ to: e.target.value })} />
              </label>
            )}
            <button type="submit" className="btn-primary" disabled={create.isPending}>
              Add channel
            </button>
          </form>
          {create.error && <ErrorNote error={create.error} />}
        </section>
      )}
      <section className="panel" style={{ marginTop: 16 }} aria-label="Alert channels" aria-busy={channels.isFetching}>
        {channels.error ? (
          <ErrorNote error={channels.error} />
        ) : !channels.data ? (
          <Loading />
        ) : channels.data.items.length === 0 ? (
          <Empty>No channel yet.{editable ? ' Add one above; a log channel writes alerts to the server log.' : ''}</Empty>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th>name</th>
                <th>type</th>
                <th>where</th>
                <th>created</th>
                <th>last test</th>
                {editable && <th />}
              </tr>
            </thead>
            <tbody>
              {channels.data.items.map((c) => {
                const sent = tests[c.id];
                const delivery = deliveryOf(sent);
                return (
                  <tr key={c.id} data-channel-id={c.id}>
                    <td>{c.name}</td>
                    <td>{c.type}</td>
                    <td className="small">
                      {c.url && <code>{c.url}</code>}
                      {c.to && c.to.length > 0 && c.to.join(', ')}
                      {c.hasSecret && <span className="badge">signed</span>}
                      {!c.url && !c.to?.length && <span className="muted">server log</span>}
                    </td>
                    <td>{c.createdAt ? formatDateTime(c.createdAt, zone) : '—'}</td>
                    <td data-test-delivery={sent}>
                      {sent && !delivery && <span className="muted small">queued…</span>}
                      {delivery && (
                        <span className="small">
                          <Figure figure={`alert-deliveries.items[id=${delivery.id}].status`} value={delivery.status} format="text" /> after{' '}
                          <Figure figure={`alert-deliveries.items[id=${delivery.id}].attempts`} value={delivery.attempts} format="count" /> attempt(s)
                          {delivery.lastError && <span className="muted"> · {delivery.lastError}</span>}
                        </span>
                      )}
                    </td>
                    {editable && (
                      <td style={{ whiteSpace: 'nowrap' }}>
                        <button type="button" className="btn-ghost" disabled={test.isPending} onClick={() => test.mutate(c.id, { onSuccess: (r) => setTests((t) => ({ ...t, [c.id]: r.deliveryId })) })}>
                          Test send
                        </button>{' '}
                        <button type="button" className="btn-danger" onClick={() => window.confirm(`Delete the channel ${c.name}? Nothing more is sent to it; its delivery log stays.`) && remove.mutate(c.id)}>
                          Delete
                        </button>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {(test.error ?? remove.error) && <ErrorNote error={test.error ?? remove.error} />}
      </section>
      <div className="grid" style={{ marginTop: 16 }}>
        <DeliveriesPanel refetchInterval={waiting ? POLL_MS : false} />
      </div>
    </>
  );
}
