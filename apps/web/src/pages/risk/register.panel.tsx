import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Figure } from '../../components/figure';
import { ItemLink } from '../../components/item-link';
import { Panel } from '../../components/panel';
import type { RegisterEntry, ReleaseForecast, Roam } from '../../lib/api-types';
import { hasRole } from '../../lib/roles';
import { useSignedIn } from '../../lib/session';
import { useApi } from '../../lib/use-api';

const ROAM: readonly Roam[] = ['resolved', 'owned', 'accepted', 'mitigated'];

/** The ROAM register of the scope; analysts set the state, owner and note of a risk. */
export function RegisterPanel({ query }: { query: URLSearchParams }) {
  const register = useApi<{ items: RegisterEntry[] }>('risks', query);
  // Releases are named by the forecast cards' answer (the same request, read once).
  const releases = useApi<{ items: ReleaseForecast[] }>('risk/releases', query);
  const releaseNames = new Map((releases.data?.items ?? []).map((release) => [release.releaseId, release.name]));
  const { me } = useSignedIn();
  const canEdit = hasRole(me.key.role, 'analyst') && !query.get('asOf');
  return (
    <Panel title="Risk register" subtitle="Every signal with a stable id and its ROAM state; a signal that clears and comes back is reopened" name="risk-register" wide query={register}
      isEmpty={(d) => d.items.length === 0} emptyText="No risk has been seen yet."
      csv={(d) => d.items.map((r) => ({ riskId: r.riskId, signal: r.signal, subject: `${r.subject.type}:${r.subject.id}`, roam: r.roam, owner: r.owner, note: r.note, open: r.open }))}>
      {(d) => (
        <table className="table">
          <thead><tr><th>Signal</th><th>Subject</th><th>Open</th><th>ROAM</th><th>Owner</th><th>Note</th>{canEdit && <th />}</tr></thead>
          <tbody>
            {[...d.items].sort((a, b) => Number(b.open) - Number(a.open)).map((r) => (
              <RegisterRow key={r.riskId} risk={r} canEdit={canEdit} subjectName={r.subject.type === 'release' ? releaseNames.get(r.subject.id) : undefined} />
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}

function RegisterRow({ risk, canEdit, subjectName }: { risk: RegisterEntry; canEdit: boolean; subjectName: string | undefined }) {
  const { api } = useSignedIn();
  const queryClient = useQueryClient();
  const [roam, setRoam] = useState<Roam | ''>(risk.roam ?? '');
  const [owner, setOwner] = useState(risk.owner ?? '');
  const [note, setNote] = useState(risk.note ?? '');
  const [error, setError] = useState<string | null>(null);
  const at = `risks.items[riskId=${risk.riskId}]`;
  const save = async () => {
    try {
      setError(null);
      await api.send('PUT', `risks/${encodeURIComponent(risk.riskId)}`, { roam, owner: owner || null, note: note || null });
      await queryClient.invalidateQueries({ queryKey: ['risks'] });
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <tr data-risk={risk.riskId}>
      <td>{risk.signal}</td>
      <td>{risk.subject.type === 'item' ? <ItemLink itemKey={risk.subject.id} /> : <span title={`${risk.subject.type} ${risk.subject.id}`}>{risk.subject.type} {subjectName ?? risk.subject.id}</span>}</td>
      <td><Figure figure={`${at}.open`} value={risk.open} format="boolean" /></td>
      <td>{canEdit ? <select aria-label="ROAM" value={roam} onChange={(e) => setRoam(e.target.value as Roam | '')}><option value="" disabled>not assessed</option>{ROAM.map((r) => <option key={r}>{r}</option>)}</select> : <Figure figure={`${at}.roam`} value={risk.roam} format="text" />}</td>
      <td>{canEdit ? <input aria-label="Owner" value={owner} onChange={(e) => setOwner(e.target.value)} /> : risk.owner ?? '—'}</td>
      <td>{canEdit ? <input aria-label="Note" value={note} onChange={(e) => setNote(e.target.value)} /> : risk.note ?? '—'}</td>
      {canEdit && <td><button type="button" className="btn-ghost" disabled={roam === ''} title={roam === '' ? 'choose a ROAM state first' : undefined} onClick={() => void save()}>Save</button>{error && <span className="badge badge-bad">{error}</span>}</td>}
    </tr>
  );
}
