import { useState } from 'react';
import { Link } from 'react-router';
import { SEVERITY_BADGE, SubjectLink } from '../../components/alert-subject';
import { Figure } from '../../components/figure';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { ErrorNote } from '../../components/query-state';
import { ALERT_STATES, type AlertInstance, type AlertRule, type AlertState, type Items } from '../../lib/alert-types';
import { pick, useFilters } from '../../lib/filters';
import { hasRole } from '../../lib/roles';
import { useSignedIn } from '../../lib/session';
import { useApi } from '../../lib/use-api';
import { AlertActions } from './alert-actions';
import { AlertDetailPanel } from './alert-detail.panel';
import { DeliveriesPanel } from './deliveries.panel';

const TAB_TEXT: Record<AlertState, string> = { firing: 'Firing', pending: 'Pending', resolved: 'Resolved' };

/**
 * Alerts by state (`state` in the URL, as the API names it), with acknowledge and snooze; a click on
 * an alert opens its detail (`alertId` in the URL); and the delivery log.
 */
export function AlertsPage() {
  const { me } = useSignedIn();
  const { params, update } = useFilters(() => ({ state: 'firing' }));
  const state = params.get('state') as AlertState;
  const alertId = params.get('alertId');
  const alerts = useApi<Items<AlertInstance>>('alerts', pick(params, ['state']));
  const rules = useApi<Items<AlertRule>>('alert-rules');
  const [actionError, setActionError] = useState<Error | null>(null);
  const editable = hasRole(me.key.role, 'analyst');
  const ruleOf = (id: string) => rules.data?.items.find((r) => r.id === id);

  return (
    <>
      <PageHeader title="Alerts" subtitle="What the rules found: open alerts, and the history of resolved ones" actions={<Link to="/alert-rules">Rules</Link>} />
      <div className="tabs" role="tablist" aria-label="Alert state">
        {ALERT_STATES.map((s) => (
          <Link key={s} to={`/alerts?state=${s}`} role="tab" aria-selected={s === state} className={`tab${s === state ? ' active' : ''}`}>
            {TAB_TEXT[s]}
          </Link>
        ))}
      </div>
      {actionError && <ErrorNote error={actionError} />}
      <div className="grid">
        <Panel
          title={`${TAB_TEXT[state] ?? state} alerts`}
          subtitle={state === 'resolved' ? 'Newest first' : 'Value against the rule threshold, since the alert started'}
          name={`alerts-${state}`}
          wide
          query={alerts}
          isEmpty={(d) => d.items.length === 0}
          emptyText={state === 'firing' ? 'Nothing is firing.' : state === 'pending' ? 'Nothing is pending.' : 'No alert has resolved yet.'}
          csv={(d) => d.items.map((a) => ({ id: a.id, rule: ruleOf(a.ruleId)?.name ?? a.ruleId, subject: `${a.subject.type}:${a.subject.id}`, state: a.state, value: a.value ?? '', threshold: a.threshold ?? '', startedAt: a.startedAt, resolvedAt: a.resolvedAt ?? '' }))}
        >
          {(d) => (
            <div className="table-scroll">
              <table className="table" aria-label="Alerts">
                <thead>
                  <tr>
                    <th>rule</th>
                    <th>subject</th>
                    <th className="num">value</th>
                    <th className="num">threshold</th>
                    <th>started</th>
                    <th>{state === 'resolved' ? 'resolved' : 'notified'}</th>
                    <th>handling</th>
                    <th />
                    {editable && state !== 'resolved' && <th />}
                  </tr>
                </thead>
                <tbody>
                  {d.items.map((a) => {
                    const rule = ruleOf(a.ruleId);
                    const at = (field: string) => `alerts.items[id=${a.id}].${field}`;
                    return (
                      <tr
                        key={a.id}
                        data-alert-id={a.id}
                        data-rule-id={a.ruleId}
                        aria-selected={a.id === alertId}
                        className="row-clickable"
                        onClick={(e) => !(e.target as HTMLElement).closest('a, button, select, input') && update({ alertId: a.id })}
                      >
                        <td>
                          {rule ? <Link to={`/alert-rules?ruleId=${rule.id}`}>{rule.name}</Link> : <span className="muted">deleted rule</span>} {rule && <span className={SEVERITY_BADGE[rule.severity]}>{rule.severity}</span>}
                        </td>
                        <td><SubjectLink subject={a.subject} /></td>
                        <td className="num"><Figure figure={at('value')} value={a.value} /></td>
                        <td className="num"><Figure figure={at('threshold')} value={a.threshold} /></td>
                        <td><Figure figure={at('startedAt')} value={a.startedAt} format="datetime" /></td>
                        <td>{state === 'resolved' ? <Figure figure={at('resolvedAt')} value={a.resolvedAt} format="datetime" /> : <Figure figure={at('lastNotifiedAt')} value={a.lastNotifiedAt} format="datetime" />}</td>
                        <td className="small">
                          {a.acknowledgedAt && (
                            <div>
                              acknowledged <Figure figure={at('acknowledgedAt')} value={a.acknowledgedAt} format="datetime" />
                            </div>
                          )}
                          {a.snoozedUntil && (
                            <div>
                              snoozed until <Figure figure={at('snoozedUntil')} value={a.snoozedUntil} format="datetime" />
                            </div>
                          )}
                        </td>
                        <td>
                          <button type="button" className="btn-link" onClick={() => update({ alertId: a.id })} aria-label={`Details of alert ${a.id}`}>
                            Details
                          </button>
                        </td>
                        {editable && state !== 'resolved' && (
                          <td>
                            <AlertActions alert={a} onError={setActionError} />
                          </td>
                        )}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </Panel>
        {alertId && <AlertDetailPanel key={alertId} alertId={alertId} rules={rules.data?.items ?? []} onClose={() => update({ alertId: null })} />}
        <DeliveriesPanel />
      </div>
    </>
  );
}
