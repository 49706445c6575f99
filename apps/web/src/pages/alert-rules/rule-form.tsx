import { useState } from 'react';
import { ApiErrors } from '../../components/api-errors';
import { Field } from '../../components/form-field';
import { ChannelPicker } from '../../components/channel-picker';
import { ALERT_KINDS, type AlertChannel, type AlertKind, SEVERITIES, type Severity } from '../../lib/alert-types';
import type { Portfolio, Team } from '../../lib/capacity-types';
import { KIND_PARAMS, KIND_TEXT, type RuleDraft, type ScopeType, withKind } from './rule-draft';

interface Props {
  readonly initial: RuleDraft;
  readonly boards: readonly string[];
  readonly teams: readonly Team[];
  readonly portfolios: readonly Portfolio[];
  readonly channels: readonly AlertChannel[];
  readonly editable: boolean;
  readonly saving: boolean;
  readonly error: Error | null;
  readonly onSave: (draft: RuleDraft) => void;
}

/** The whole rule document: kind and its params, scope, severity, channels and timing. */
export function RuleForm({ initial, boards, teams, portfolios, channels, editable, saving, error, onSave }: Props) {
  const [d, setD] = useState(initial);
  const set = (patch: Partial<RuleDraft>) => setD((current) => ({ ...current, ...patch }));
  const setParam = (name: string, value: string) => setD((current) => ({ ...current, params: { ...current.params, [name]: value } }));
  const scopeOptions: Array<[string, string]> =
    d.scopeType === 'board' ? boards.map((b) => [b, b]) : d.scopeType === 'team' ? teams.map((t) => [t.id, t.name]) : portfolios.map((p) => [p.id, p.name]);
  return (
    <form
      aria-label="Alert rule"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(d);
      }}
    >
      <fieldset disabled={!editable || saving} style={{ border: 0, padding: 0, margin: 0 }}>
        <div className="filters">
          <Field label="Name">
            <input name="name" value={d.name} onChange={(e) => set({ name: e.target.value })} placeholder="e.g. WIP on PAY" />
          </Field>
          <Field label="Kind">
            <select name="kind" value={d.kind} onChange={(e) => setD(withKind(d, e.target.value as AlertKind))}>
              {ALERT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Severity">
            <select name="severity" value={d.severity} onChange={(e) => set({ severity: e.target.value as Severity })}>
              {SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <p className="muted small">Fires when {KIND_TEXT[d.kind]}.</p>
        <h3>Condition</h3>
        {KIND_PARAMS[d.kind].length === 0 && <p className="muted small">This kind has no parameters.</p>}
        <div className="filters" aria-label="Parameters">
          {KIND_PARAMS[d.kind].map((f) => (
            <Field key={`${d.kind}-${f.name}`} label={f.label}>
              {f.input === 'select' ? (
                <select name={`params.${f.name}`} value={d.params[f.name] ?? ''} onChange={(e) => setParam(f.name, e.target.value)}>
                  {(f.options ?? []).map((o) => (
                    <option key={o} value={o}>
                      {o}
                    </option>
                  ))}
                </select>
              ) : (
                <input name={`params.${f.name}`} type={f.input} step={f.step} value={d.params[f.name] ?? ''} onChange={(e) => setParam(f.name, e.target.value)} />
              )}
            </Field>
          ))}
        </div>
        <h3>Scope</h3>
        <div className="filters">
          <Field label="Scope">
            <select name="scopeType" value={d.scopeType} onChange={(e) => set({ scopeType: e.target.value as ScopeType, scopeId: '' })}>
              <option value="board">board</option>
              <option value="team">team</option>
              <option value="portfolio">portfolio</option>
            </select>
          </Field>
          <Field label={d.scopeType === 'board' ? 'Board' : d.scopeType === 'team' ? 'Team' : 'Portfolio'}>
            <select name="scopeId" value={d.scopeId} onChange={(e) => set({ scopeId: e.target.value })}>
              <option value="">— pick one —</option>
              {d.scopeId !== '' && !scopeOptions.some(([id]) => id === d.scopeId) && <option value={d.scopeId}>{d.scopeId} (unknown)</option>}
              {scopeOptions.map(([id, label]) => (
                <option key={id} value={id}>
                  {label}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <h3>Notifications</h3>
        <ChannelPicker channels={channels} selected={d.channelIds} onChange={(channelIds) => set({ channelIds })} empty="No channel yet: the rule's alerts are listed on the Alerts page only. Add channels under Alert channels." />
        <div className="filters">
          <Field label="Pending for (minutes) before firing">
            <input name="forMinutes" type="number" min="0" step="any" value={d.forMinutes} onChange={(e) => set({ forMinutes: e.target.value })} />
          </Field>
          <Field label="Repeat while firing (hours)">
            <input name="repeatHours" type="number" min="0" step="any" value={d.repeatHours} onChange={(e) => set({ repeatHours: e.target.value })} />
          </Field>
          <label style={{ marginRight: 12, alignSelf: 'end' }}>
            <input type="checkbox" name="notifyResolved" checked={d.notifyResolved} onChange={(e) => set({ notifyResolved: e.target.checked })} /> notify when resolved
          </label>
          <label style={{ alignSelf: 'end' }}>
            <input type="checkbox" name="enabled" checked={d.enabled} onChange={(e) => set({ enabled: e.target.checked })} /> enabled
          </label>
        </div>
        {error && <ApiErrors error={error} />}
        {editable && (
          <p>
            <button type="submit" className="btn-primary">
              {saving ? 'Saving…' : 'Save rule'}
            </button>
          </p>
        )}
      </fieldset>
    </form>
  );
}
