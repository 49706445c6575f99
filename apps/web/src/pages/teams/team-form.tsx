import { type ReactNode, useState } from 'react';
import type { TeamDraft } from '../../lib/capacity-data';
import { FLOW_TYPES } from '../../lib/capacity-types';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="field filter">
      <span>{label}</span>
      {children}
    </label>
  );
}

interface Props {
  readonly initial: TeamDraft;
  readonly editable: boolean;
  readonly saving: boolean;
  readonly onSave: (draft: TeamDraft) => void;
}

/** The whole team document: boards, calendar, cost, target mix, members and absences. */
export function TeamForm({ initial, editable, saving, onSave }: Props) {
  const [d, setD] = useState(initial);
  const set = (patch: Partial<TeamDraft>) => setD((current) => ({ ...current, ...patch }));
  const member = (i: number, patch: Partial<TeamDraft['members'][number]>) => set({ members: d.members.map((m, j) => (j === i ? { ...m, ...patch } : m)) });
  const absence = (i: number, patch: Partial<TeamDraft['absences'][number]>) => set({ absences: d.absences.map((a, j) => (j === i ? { ...a, ...patch } : a)) });
  return (
    <form
      aria-label="Team"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(d);
      }}
    >
      <fieldset disabled={!editable || saving} style={{ border: 0, padding: 0, margin: 0 }}>
        <div className="filters">
          <Field label="Name"><input name="name" value={d.name} onChange={(e) => set({ name: e.target.value })} /></Field>
          <Field label="Boards (comma-separated)"><input name="boards" value={d.boards} onChange={(e) => set({ boards: e.target.value })} /></Field>
          <Field label="Focus factor"><input name="focusFactor" value={d.focusFactor} onChange={(e) => set({ focusFactor: e.target.value })} /></Field>
          <Field label="Cost per FTE-day"><input name="costPerFteDay" value={d.costPerFteDay} onChange={(e) => set({ costPerFteDay: e.target.value })} /></Field>
          <Field label="Currency"><input name="currency" value={d.currency} placeholder="EUR" onChange={(e) => set({ currency: e.target.value.toUpperCase() })} /></Field>
        </div>
        <div className="filters">
          <span className="filter">
            <span>Working days</span>
            <span>
              {WEEKDAYS.map((label, i) => (
                <label key={label} style={{ marginRight: 8 }}>
                  <input type="checkbox" name={`workingDay${i + 1}`} checked={d.workingDays.includes(i + 1)} onChange={(e) => set({ workingDays: e.target.checked ? [...d.workingDays, i + 1] : d.workingDays.filter((w) => w !== i + 1) })} /> {label}
                </label>
              ))}
            </span>
          </span>
          <Field label="Holidays (YYYY-MM-DD, comma-separated)"><input name="holidays" value={d.holidays} onChange={(e) => set({ holidays: e.target.value })} /></Field>
          {FLOW_TYPES.map((t) => (
            <Field key={t} label={`Target ${t}`}><input name={`target-${t}`} value={d.targetMix[t]} placeholder="0–1" onChange={(e) => set({ targetMix: { ...d.targetMix, [t]: e.target.value } })} /></Field>
          ))}
        </div>
        <h3>Members</h3>
        <table className="table" aria-label="Members">
          <thead><tr><th>name</th><th>account id</th><th>FTE</th><th>from</th><th>to</th><th /></tr></thead>
          <tbody>
            {d.members.map((m, i) => (
              <tr key={i}>
                <td><input aria-label="member name" value={m.name} onChange={(e) => member(i, { name: e.target.value })} /></td>
                <td><input aria-label="account id" value={m.accountId} onChange={(e) => member(i, { accountId: e.target.value })} /></td>
                <td><input aria-label="fte" value={m.fte} size={4} onChange={(e) => member(i, { fte: e.target.value })} /></td>
                <td><input aria-label="from" type="date" value={m.from} onChange={(e) => member(i, { from: e.target.value })} /></td>
                <td><input aria-label="to" type="date" value={m.to} onChange={(e) => member(i, { to: e.target.value })} /></td>
                <td><button type="button" className="btn-ghost" onClick={() => set({ members: d.members.filter((_, j) => j !== i) })}>Remove</button></td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" className="btn-ghost" onClick={() => set({ members: [...d.members, { name: '', accountId: '', fte: '1', from: '', to: '' }] })}>Add member</button>
        <h3>Absences</h3>
        <table className="table" aria-label="Absences">
          <thead><tr><th>member (name or account id)</th><th>from</th><th>to</th><th>fraction</th><th /></tr></thead>
          <tbody>
            {d.absences.map((a, i) => (
              <tr key={i}>
                <td><input aria-label="absent member" value={a.member} onChange={(e) => absence(i, { member: e.target.value })} /></td>
                <td><input aria-label="absent from" type="date" value={a.from} onChange={(e) => absence(i, { from: e.target.value })} /></td>
                <td><input aria-label="absent to" type="date" value={a.to} onChange={(e) => absence(i, { to: e.target.value })} /></td>
                <td><input aria-label="fraction" value={a.fraction} size={4} placeholder="1" onChange={(e) => absence(i, { fraction: e.target.value })} /></td>
                <td><button type="button" className="btn-ghost" onClick={() => set({ absences: d.absences.filter((_, j) => j !== i) })}>Remove</button></td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" className="btn-ghost" onClick={() => set({ absences: [...d.absences, { member: '', from: '', to: '', fraction: '' }] })}>Add absence</button>
        {editable && (
          <p>
            <button type="submit" className="btn-primary">{saving ? 'Saving…' : 'Save team'}</button>
          </p>
        )}
      </fieldset>
    </form>
  );
}
