import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { SEVERITY_BADGE, SubjectLink } from '../../components/alert-subject';
import { Figure } from '../../components/figure';
import { ErrorNote, Loading } from '../../components/query-state';
import { alertTimeline, whileRetrying } from '../../lib/alert-data';
import type { AlertChannel, AlertDelivery, AlertRule, AlertWithHistory, Items } from '../../lib/alert-types';
import { useApi } from '../../lib/use-api';
import { STATUS_BADGE } from './deliveries.panel';

const EVENT_TEXT: Record<string, string> = { pending: 'pending: the condition holds', firing: 'firing', resolved: 'resolved', notified: 'notified', acknowledged: 'acknowledged', snoozed: 'snoozed' };

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <tr>
      <th scope="row" style={{ width: 160 }}>{label}</th>
      <td>{children}</td>
    </tr>
  );
}

/**
 * One alert (`alertId` in the URL): its rule, subject, value against the threshold, state and times,
 * its timeline (the alert's history with its rule's notifications), and every notification of its
 * rule with status, attempts and last error. Figures of the alert are `alerts.<field>` of
 * `GET /alerts/{alertId}`; those of deliveries carry `data-query="ruleId=…"`.
 */
export function AlertDetailPanel({ alertId, rules, onClose }: { alertId: string; rules: readonly AlertRule[]; onClose: () => void }) {
  const alert = useApi<AlertWithHistory>(`alerts/${alertId}`);
  const ruleId = alert.data?.ruleId;
  const rule = rules.find((r) => r.id === ruleId);
  const deliveries = useApi<Items<AlertDelivery>>('alert-deliveries', new URLSearchParams({ ruleId: ruleId ?? '' }), { enabled: ruleId !== undefined, refetchInterval: whileRetrying });
  const channels = useApi<Items<AlertChannel>>('alert-channels');
  const channelName = (id: string) => channels.data?.items.find((c) => c.id === id)?.name ?? 'deleted channel';
  const a = alert.data;
  const at = (field: string) => `alerts.${field}`;
  const dl = (id: string, field: string) => `alert-deliveries.items[id=${id}].${field}`;
  const ruleDeliveries = deliveries.data?.items ?? [];
  return (
    <section className="panel panel-wide" aria-label="Alert detail" aria-busy={alert.isFetching || deliveries.isFetching} data-panel="alert-detail" data-alert-id={alertId}>
      <header className="panel-head">
        <div>
          <h2>
            {rule ? rule.name : a ? 'Deleted rule' : 'Alert'} {rule && <span className={SEVERITY_BADGE[rule.severity]}>{rule.severity}</span>}
          </h2>
          <p className="panel-sub">{rule ? <>Rule of kind <strong data-rule-kind={rule.kind}>{rule.kind}</strong> · <Link to={`/alert-rules?ruleId=${rule.id}`}>open the rule</Link></> : 'The rule of this alert was deleted; its history stays.'}</p>
        </div>
        <div className="panel-tools">
          <button type="button" className="btn-ghost" onClick={onClose} aria-label="Close the alert detail">
            Close
          </button>
        </div>
      </header>
      {alert.error ? (
        <ErrorNote error={alert.error} />
      ) : !a ? (
        <Loading />
      ) : (
        <div className="grid" style={{ gridTemplateColumns: 'minmax(280px, 2fr) minmax(0, 3fr)' }}>
          <table className="table" aria-label="Alert">
            <tbody>
              <Row label="subject"><SubjectLink subject={a.subject} /></Row>
              <Row label="state"><Figure figure={at('state')} value={a.state} format="text" /></Row>
              <Row label="value vs threshold">
                <Figure figure={at('value')} value={a.value} /> <span className="muted">vs</span> <Figure figure={at('threshold')} value={a.threshold} />
              </Row>
              <Row label="started"><Figure figure={at('startedAt')} value={a.startedAt} format="datetime" /></Row>
              <Row label="last notified"><Figure figure={at('lastNotifiedAt')} value={a.lastNotifiedAt} format="datetime" /></Row>
              <Row label="acknowledged"><Figure figure={at('acknowledgedAt')} value={a.acknowledgedAt} format="datetime" /></Row>
              <Row label="snoozed until"><Figure figure={at('snoozedUntil')} value={a.snoozedUntil} format="datetime" /></Row>
              <Row label="resolved"><Figure figure={at('resolvedAt')} value={a.resolvedAt} format="datetime" /></Row>
            </tbody>
          </table>
          <div data-query={ruleId ? `ruleId=${ruleId}` : undefined}>
            <h3>Timeline</h3>
            <ol aria-label="Alert timeline" className="small" style={{ margin: 0, paddingLeft: 18 }}>
              {alertTimeline(a, a.history, ruleDeliveries).map((t) =>
                t.source === 'history' ? (
                  <li key={`h-${t.field}`} data-event={t.event}>
                    <Figure figure={at(t.field)} value={t.at} format="datetime" />{' '}
                    {EVENT_TEXT[t.event] ?? t.event}
                    {t.value !== undefined && t.value !== null && t.index !== null && (
                      <span className="muted">
                        {' '}
                        at <Figure figure={at(`history[${t.index}].value`)} value={t.value} />
                      </span>
                    )}
                    {t.by && <span className="muted"> by {t.by}</span>}
                  </li>
                ) : (
                  <li key={`d-${t.delivery.id}`} data-event="delivery" data-delivery-id={t.delivery.id}>
                    <Figure figure={dl(t.delivery.id, 'createdAt')} value={t.delivery.createdAt} format="datetime" /> notification to {channelName(t.delivery.channelId)}: <Figure figure={dl(t.delivery.id, 'status')} value={t.delivery.status} format="text" />
                  </li>
                ),
              )}
            </ol>
            <h3 style={{ marginTop: 16 }}>Notifications of the rule</h3>
            {deliveries.error ? (
              <ErrorNote error={deliveries.error} />
            ) : ruleDeliveries.length === 0 ? (
              <p className="muted small">{deliveries.data ? 'The rule has sent nothing yet.' : 'Loading…'}</p>
            ) : (
              <div className="table-scroll">
                <table className="table" aria-label="Rule deliveries">
                  <thead>
                    <tr>
                      <th>created</th>
                      <th>channel</th>
                      <th>status</th>
                      <th className="num">attempts</th>
                      <th>last error</th>
                      <th>sent</th>
                    </tr>
                  </thead>
                  <tbody>
                    {ruleDeliveries.map((x) => (
                      <tr key={x.id} data-delivery-id={x.id}>
                        <td><Figure figure={dl(x.id, 'createdAt')} value={x.createdAt} format="datetime" /></td>
                        <td>{channelName(x.channelId)}</td>
                        <td><span className={STATUS_BADGE[x.status]}><Figure figure={dl(x.id, 'status')} value={x.status} format="text" className="figure" /></span></td>
                        <td className="num"><Figure figure={dl(x.id, 'attempts')} value={x.attempts} format="count" /></td>
                        <td className="small"><Figure figure={dl(x.id, 'lastError')} value={x.lastError} format="text" /></td>
                        <td><Figure figure={dl(x.id, 'sentAt')} value={x.sentAt} format="datetime" /></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
