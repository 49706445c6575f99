import { useState } from 'react';
import { Empty, ErrorNote, Loading } from '../../components/query-state';
import { useTimeZone } from '../../components/use-time-zone';
import type { Connector, DeadLetter } from '../../lib/api-types';
import { formatDateTime } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { useApiMutation } from '../../lib/use-mutation-api';

/** Deliveries that could not be normalised: re-drive them (after fixing a setting) or discard them. */
export function DeadLettersPanel({ connectors }: { connectors: Connector[] }) {
  const zone = useTimeZone();
  const [status, setStatus] = useState('open');
  const letters = useApi<{ items: DeadLetter[]; nextCursor: string | null }>('dead-letters', new URLSearchParams(status ? { status } : {}));
  const redrive = useApiMutation<string>('POST', (id) => `dead-letters/${encodeURIComponent(id)}/redrive`, () => ({}));
  const discard = useApiMutation<string>('POST', (id) => `dead-letters/${encodeURIComponent(id)}/discard`, () => ({}));
  const nameOf = (id: string) => connectors.find((c) => c.id === id)?.name ?? id;
  return (
    <section className="panel" style={{ marginTop: 16 }} aria-label="Dead letters" aria-busy={letters.isFetching}>
      <header className="panel-head">
        <div>
          <h2>Dead letters</h2>
          <p className="panel-sub">Deliveries that passed their schema but could not be normalised; nothing accepted is lost</p>
        </div>
        <select aria-label="Status" value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="open">Open</option>
          <option value="redriven">Re-driven</option>
          <option value="discarded">Discarded</option>
          <option value="">All</option>
        </select>
      </header>
      {(redrive.error ?? discard.error) && <ErrorNote error={redrive.error ?? discard.error} />}
      {letters.error ? (
        <ErrorNote error={letters.error} />
      ) : !letters.data ? (
        <Loading />
      ) : letters.data.items.length === 0 ? (
        <Empty>No {status || ''} dead letter.</Empty>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>Received</th>
              <th>Connector</th>
              <th>Reason</th>
              <th>Status</th>
              <th className="num">Attempts</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {letters.data.items.map((l) => (
              <tr key={l.deliveryId} data-delivery-id={l.deliveryId}>
                <td>{formatDateTime(l.receivedAt, zone)}</td>
                <td>{nameOf(l.connectorId)}</td>
                <td>{l.reason}</td>
                <td>{l.status}</td>
                <td className="num">{String(l['attempts'] ?? '')}</td>
                <td>
                  {l.status === 'open' && (
                    <>
                      <button type="button" className="btn-ghost" disabled={redrive.isPending} onClick={() => redrive.mutate(l.deliveryId)}>
                        Re-drive
                      </button>{' '}
                      <button type="button" className="btn-danger" disabled={discard.isPending} onClick={() => discard.mutate(l.deliveryId)}>
                        Discard
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
