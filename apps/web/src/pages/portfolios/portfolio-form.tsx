import { type ReactNode, useState } from 'react';
import type { Team } from '../../lib/capacity-types';
import type { PortfolioDraft } from './portfolio-draft';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="field filter">
      <span>{label}</span>
      {children}
    </label>
  );
}

interface Props {
  readonly initial: PortfolioDraft;
  readonly teams: readonly Team[];
  readonly editable: boolean;
  readonly saving: boolean;
  readonly onSave: (draft: PortfolioDraft) => void;
}

/** The whole portfolio document: name, teams (picked from the workspace's), extra boards and owners. */
export function PortfolioForm({ initial, teams, editable, saving, onSave }: Props) {
  const [d, setD] = useState(initial);
  const set = (patch: Partial<PortfolioDraft>) => setD((current) => ({ ...current, ...patch }));
  const toggle = (id: string, on: boolean) => set({ teamIds: on ? [...d.teamIds, id] : d.teamIds.filter((t) => t !== id) });
  return (
    <form
      aria-label="Portfolio"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(d);
      }}
    >
      <fieldset disabled={!editable || saving} style={{ border: 0, padding: 0, margin: 0 }}>
        <div className="filters">
          <Field label="Name"><input name="name" value={d.name} onChange={(e) => set({ name: e.target.value })} /></Field>
          <Field label="Boards besides the teams' (comma-separated)"><input name="boards" value={d.boards} onChange={(e) => set({ boards: e.target.value })} /></Field>
          <Field label="Owners' e-mails (comma-separated)"><input name="owners" value={d.owners} onChange={(e) => set({ owners: e.target.value })} /></Field>
        </div>
        <h3>Teams</h3>
        {teams.length === 0 && <p className="muted">No team yet: add boards above, or create teams first.</p>}
        <div className="filters" aria-label="Teams">
          {teams.map((t) => (
            <label key={t.id} style={{ marginRight: 12 }}>
              <input type="checkbox" name={`team-${t.id}`} checked={d.teamIds.includes(t.id)} onChange={(e) => toggle(t.id, e.target.checked)} /> {t.name}
            </label>
          ))}
        </div>
        {editable && (
          <p>
            <button type="submit" className="btn-primary">{saving ? 'Saving…' : 'Save portfolio'}</button>
          </p>
        )}
      </fieldset>
    </form>
  );
}
