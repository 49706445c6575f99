import { Figure } from '../../components/figure';
import { Panel } from '../../components/panel';
import type { AlertChannel, AlertDelivery, AlertRule, Items } from '../../lib/alert-types';
import { whileRetrying } from '../../lib/alert-data';
import { useApi } from '../../lib/use-api';

export const STATUS_BADGE: Record<AlertDelivery['status'], string> = { sent: 'badge badge-good', retrying: 'badge badge-warn', failed: 'badge badge-bad' };

/** The delivery log, newest first: every notification to every channel, its tries and last error. */
export function DeliveriesPanel({ refetchInterval }: { refetchInterval?: number | false }) {
  const deliveries = useApi<Items<AlertDelivery>>('alert-deliveries', undefined, { refetchInterval: (d) => refetchInterval || whileRetrying(d) });
  const channels = useApi<Items<AlertChannel>>('alert-channels');
  const rules = useApi<Items<AlertRule>>('alert-rules');
  const channelName = (id: string) => channels.data?.items.find((c) => c.id === id)?.name ?? 'deleted channel';
  const ruleName = (d: AlertDelivery) => (d.ruleId ? (rules.data?.items.find((r) => r.id === d.ruleId)?.name ?? 'deleted rule') : (d.kind ?? '—'));
  return (
    <Panel
      title="Delivery log"
      subtitle="Every notification to every channel, newest first; retries back off up to the cap"
      name="alert-deliveries"
      wide
      query={deliveries}
      isEmpty={(d) => d.items.length === 0}
      emptyText="Nothing has been sent yet."
      csv={(d) => d.items.map((x) => ({ id: x.id, channel: channelName(x.channelId), rule: ruleName(x), status: x.status, attempts: x.attempts, lastError: x.lastError ?? '', createdAt: x.createdAt, sentAt: x.sentAt ?? '' }))}
    >
      {(d) => (
        <div className="table-scroll">
          <table className="table" aria-label="Deliveries">
            <thead>
              <tr>
                <th>created</th>
                <th>channel</th>
                <th>rule</th>
                <th>status</th>
                <th className="num">attempts</th>
                <th>last error</th>
                <th>sent</th>
              </tr>
            </thead>
            <tbody>
              {d.items.map((x) => {
                const at = (field: string) => `alert-deliveries.items[id=${x.id}].${field}`;
                return (
                  <tr key={x.id} data-delivery-id={x.id}>
                    <td><Figure figure={at('createdAt')} value={x.createdAt} format="datetime" /></td>
                    <td>{channelName(x.channelId)}</td>
                    <td>{ruleName(x)}</td>
                    <td><span className={STATUS_BADGE[x.status]}><Figure figure={at('status')} value={x.status} format="text" className="figure" /></span></td>
                    <td className="num"><Figure figure={at('attempts')} value={x.attempts} format="count" /></td>
                    <td className="small"><Figure figure={at('lastError')} value={x.lastError} format="text" /></td>
                    <td><Figure figure={at('sentAt')} value={x.sentAt} format="datetime" /></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}
