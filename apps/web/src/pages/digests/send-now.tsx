import { useState } from 'react';
import { ApiErrors } from '../../components/api-errors';
import { Figure } from '../../components/figure';
import type { AlertChannel, AlertDelivery, Digest, DigestSent, Items } from '../../lib/alert-types';
import { formatDate } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { useApiMutation } from '../../lib/use-mutation-api';

const POLL_MS = 1000;

/** "Send now": queues the digest to each live channel, then follows those deliveries in the log until none is retrying. */
export function SendNow({ digest, channels, timezone }: { digest: Digest; channels: readonly AlertChannel[]; timezone: string }) {
  const send = useApiMutation<string, DigestSent>('POST', (id) => `digests/${id}/send`, () => undefined);
  const [sent, setSent] = useState<DigestSent | null>(null);
  const deliveries = useApi<Items<AlertDelivery>>('alert-deliveries', new URLSearchParams({ kind: 'digest' }), { enabled: sent !== null });
  const ofSend = (sent?.deliveryIds ?? []).map((id) => ({ id, delivery: deliveries.data?.items.find((d) => d.id === id) }));
  const waiting = ofSend.some((d) => (d.delivery?.status ?? 'retrying') === 'retrying');
  // Polling stops once every delivery of this send is sent or failed.
  useApi<Items<AlertDelivery>>('alert-deliveries', new URLSearchParams({ kind: 'digest' }), { enabled: sent !== null && waiting, refetchInterval: POLL_MS });
  const channelName = (id: string) => channels.find((c) => c.id === id)?.name ?? 'deleted channel';
  return (
    <div aria-label="Send now" data-query="kind=digest">
      <button
        type="button"
        className="btn-primary"
        disabled={send.isPending}
        onClick={() => {
          setSent(null);
          send.mutate(digest.id, { onSuccess: setSent });
        }}
      >
        {send.isPending ? 'Sending…' : 'Send now'}
      </button>
      {send.error && <ApiErrors error={send.error} />}
      {sent && (
        <div className="state-ok" role="status" aria-live="polite">
          <strong>
            Queued to {sent.deliveryIds.length} channel{sent.deliveryIds.length === 1 ? '' : 's'}: the week of {formatDate(sent.week, timezone)}.
          </strong>{' '}
          {waiting ? 'Waiting for the delivery log…' : 'Done; the weekly schedule is not affected.'}
          <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
            {ofSend.map(({ id, delivery }) => (
              <li key={id} data-send-delivery={id}>
                {!delivery ? (
                  <span className="muted">queued…</span>
                ) : (
                  <span>
                    {channelName(delivery.channelId)}: <Figure figure={`alert-deliveries.items[id=${id}].status`} value={delivery.status} format="text" /> after{' '}
                    <Figure figure={`alert-deliveries.items[id=${id}].attempts`} value={delivery.attempts} format="count" /> attempt(s)
                    {delivery.lastError && (
                      <span className="muted">
                        {' '}
                        · <Figure figure={`alert-deliveries.items[id=${id}].lastError`} value={delivery.lastError} format="text" />
                      </span>
                    )}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
