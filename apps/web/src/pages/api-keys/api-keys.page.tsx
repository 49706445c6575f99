import { type FormEvent, useState } from 'react';
import { PageHeader } from '../../components/page-header';
import { ErrorNote, Loading } from '../../components/query-state';
import { useTimeZone } from '../../components/use-time-zone';
import type { ApiKey } from '../../lib/api-types';
import { formatDateTime } from '../../lib/format';
import type { Role } from '../../lib/roles';
import { useSignedIn } from '../../lib/session';
import { useApi } from '../../lib/use-api';
import { useApiMutation } from '../../lib/use-mutation-api';

const ROLE_TEXT: Record<Role, string> = {
  viewer: 'reads figures and dashboards',
  analyst: 'also edits workflow maps, teams, portfolios, alert rules and risks',
  admin: 'also manages connectors, API keys, imports and dead letters',
};

/** API keys of the workspace (admin): issue one with a role (shown once), revoke. */
export function ApiKeysPage() {
  const { me } = useSignedIn();
  const zone = useTimeZone();
  const keys = useApi<{ items: ApiKey[] }>('api-keys');
  const create = useApiMutation<{ name: string; role: Role }, ApiKey & { apiKey: string }>('POST', () => 'api-keys');
  const revoke = useApiMutation<string>('DELETE', (id) => `api-keys/${id}`);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [issued, setIssued] = useState<{ name: string; apiKey: string } | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name: name.trim(), role }, { onSuccess: (k) => (setIssued({ name: k.name, apiKey: k.apiKey }), setName('')) });
  };
  return (
    <>
      <PageHeader title="API keys" subtitle="Keys fix the workspace of every call; each carries a role" />
      <section className="panel" aria-label="New API key">
        <h2>Issue a key</h2>
        <form className="form-row" onSubmit={submit}>
          <label className="field">
            <span>Name</span>
            <input name="keyName" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Grafana, PMO team" required />
          </label>
          <label className="field">
            <span>Role</span>
            <select name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {(['viewer', 'analyst', 'admin'] as const).map((r) => (
                <option key={r} value={r}>
                  {r} — {ROLE_TEXT[r]}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="btn-primary" disabled={create.isPending || !name.trim()}>
            Issue key
          </button>
        </form>
        {create.error && <ErrorNote error={create.error} />}
        {issued && (
          <div className="notice" role="status">
            Key <b>{issued.name}</b> (shown once; copy it now): <code data-issued-key>{issued.apiKey}</code>
          </div>
        )}
      </section>
      <section className="panel" style={{ marginTop: 16 }} aria-label="API keys" aria-busy={keys.isFetching}>
        {keys.error ? (
          <ErrorNote error={keys.error} />
        ) : !keys.data ? (
          <Loading />
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th>Name</th>
                <th>Role</th>
                <th>Created</th>
                <th>State</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {keys.data.items.map((k) => (
                <tr key={k.id} data-key-id={k.id}>
                  <td>
                    {k.name} {k.id === me.key.id && <span className="badge">this key</span>}
                  </td>
                  <td>
                    <span className={`role role-${k.role}`}>{k.role}</span>
                  </td>
                  <td>{formatDateTime(k.createdAt, zone)}</td>
                  <td>{k.revoked ? <span className="badge badge-bad">revoked</span> : <span className="badge badge-good">active</span>}</td>
                  <td>
                    {!k.revoked && k.id !== me.key.id && (
                      <button type="button" className="btn-danger" onClick={() => window.confirm(`Revoke ${k.name}? Calls with it will answer 401.`) && revoke.mutate(k.id)}>
                        Revoke
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {revoke.error && <ErrorNote error={revoke.error} />}
      </section>
    </>
  );
}
