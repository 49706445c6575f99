import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { SEVERITY_BADGE } from '../../components/alert-subject';
import { PageHeader } from '../../components/page-header';
import { Empty, ErrorNote, Loading } from '../../components/query-state';
import { backtestWindow, scopeLabel } from '../../lib/alert-data';
import type { AlertChannel, AlertRule, Items } from '../../lib/alert-types';
import type { Portfolio, Team } from '../../lib/capacity-types';
import { localDate } from '../../lib/dates';
import { useFilters } from '../../lib/filters';
import { hasRole } from '../../lib/roles';
import { useSignedIn } from '../../lib/session';
import { useApi } from '../../lib/use-api';
import { useBoards } from '../../lib/use-boards';
import { BacktestPanel } from './backtest.panel';
import { EvaluatePanel } from './evaluate.panel';
import { emptyRuleDraft, paramsSummary, type RuleDraft, ruleBodyOf, ruleDraftOf } from './rule-draft';
import { RuleForm } from './rule-form';

/** Alert rules: the list, one rule's editor, its back-test over the URL's window and "Evaluate now". */
export function AlertRulesPage() {
  const { api, me } = useSignedIn();
  const queryClient = useQueryClient();
  const { params, update } = useFilters((search) => backtestWindow(localDate(Date.now(), me.workspace.timezone), search));
  const rules = useApi<Items<AlertRule>>('alert-rules');
  const channels = useApi<Items<AlertChannel>>('alert-channels');
  const teams = useApi<Items<Team>>('teams');
  const portfolios = useApi<Items<Portfolio>>('portfolios');
  const { boards } = useBoards();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const editable = hasRole(me.key.role, 'analyst');
  const items = rules.data?.items ?? [];
  const teamList = teams.data?.items ?? [];
  const portfolioList = portfolios.data?.items ?? [];
  const names = { teams: new Map(teamList.map((t) => [t.id, t.name])), portfolios: new Map(portfolioList.map((p) => [p.id, p.name])) };
  const selected = params.get('ruleId');
  const current = selected === 'new' ? null : (items.find((r) => r.id === selected) ?? (selected ? null : (items[0] ?? null)));
  const unknown = selected !== null && selected !== 'new' && rules.data !== undefined && current === null;
  const draft: RuleDraft = current ? ruleDraftOf(current) : emptyRuleDraft();
  const select = (ruleId: string) => {
    setError(null);
    update({ ruleId });
  };

  const save = async (d: RuleDraft) => {
    setSaving(true);
    setError(null);
    try {
      const body = ruleBodyOf(d);
      const saved = current ? await api.send<AlertRule>('PUT', `alert-rules/${current.id}`, body) : await api.send<AlertRule>('POST', 'alert-rules', body);
      await queryClient.invalidateQueries();
      update({ ruleId: saved.id });
    } catch (e) {
      setError(e as Error);
    } finally {
      setSaving(false);
    }
  };
  const remove = async () => {
    if (!current || !window.confirm(`Delete the rule ${current.name}? Nothing more is evaluated or sent; its alerts stay as history.`)) return;
    setError(null);
    try {
      await api.send('DELETE', `alert-rules/${current.id}`);
      await queryClient.invalidateQueries();
      update({ ruleId: null });
    } catch (e) {
      setError(e as Error);
    }
  };

  const loading = rules.isPending || channels.isPending || teams.isPending || portfolios.isPending;
  const failed = rules.error ?? channels.error ?? teams.error ?? portfolios.error;
  return (
    <>
      <PageHeader
        title="Alert rules"
        subtitle="What leadership is told about, when, and where; back-test a rule before switching it on"
        actions={editable && <button type="button" className="btn-primary" onClick={() => select('new')}>New rule</button>}
      />
      {loading ? (
        <Loading />
      ) : failed ? (
        <ErrorNote error={failed} />
      ) : (
        <>
          <div className="grid" style={{ gridTemplateColumns: 'minmax(320px, 2fr) minmax(0, 3fr)' }}>
            <section className="panel" aria-label="Rule list">
              {items.length === 0 ? (
                <Empty>No rule yet.{editable ? ' Make one with the editor.' : ''}</Empty>
              ) : (
                <table className="table">
                  <thead>
                    <tr>
                      <th>rule</th>
                      <th>kind</th>
                      <th>scope</th>
                      <th>severity</th>
                      <th>enabled</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((r) => (
                      <tr key={r.id} aria-selected={current?.id === r.id} data-rule-id={r.id}>
                        <td>
                          <button type="button" className="btn-link" onClick={() => select(r.id)}>
                            {r.name}
                          </button>
                          <div className="muted small">{paramsSummary(r)}</div>
                        </td>
                        <td>{r.kind}</td>
                        <td>{scopeLabel(r.scope, names)}</td>
                        <td><span className={SEVERITY_BADGE[r.severity]}>{r.severity}</span></td>
                        <td>{r.enabled ? <span className="badge badge-good">on</span> : <span className="badge">off</span>}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
            <section className="panel" aria-label="Rule editor">
              <header className="panel-head">
                <h2>{current ? current.name : 'New rule'}</h2>
                {current && editable && (
                  <button type="button" className="btn-ghost btn-danger" onClick={remove}>
                    Delete rule
                  </button>
                )}
              </header>
              {unknown && <ErrorNote error={new Error(`There is no rule ${selected} (deleted?); the form makes a new one.`)} />}
              <RuleForm
                key={current ? `${current.id}:${current.updatedAt ?? ''}` : 'new'}
                initial={draft}
                boards={boards}
                teams={teamList}
                portfolios={portfolioList}
                channels={channels.data?.items ?? []}
                editable={editable}
                saving={saving}
                error={error}
                onSave={save}
              />
            </section>
          </div>
          {current ? (
            <div className="grid" style={{ marginTop: 16 }}>
              <BacktestPanel key={`${current.id}:${current.updatedAt ?? ''}`} rule={current} from={params.get('from') ?? ''} to={params.get('to') ?? ''} update={update} />
              <EvaluatePanel key={current.id} rule={current} editable={editable} />
            </div>
          ) : (
            <p className="muted">Save the rule (it may stay disabled) to back-test it over past days.</p>
          )}
        </>
      )}
    </>
  );
}
