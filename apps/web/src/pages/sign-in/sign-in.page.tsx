import { type FormEvent, useState } from 'react';
import { errorText } from '../../components/query-state';
import { ApiRequestError } from '../../lib/api-client';
import { useSession } from '../../lib/session';

/** Shown in place of any page while signed out; once signed in, that page renders. */
export function SignInPage() {
  const { signIn } = useSession();
  const [apiKey, setApiKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(apiKey);
    } catch (e) {
      setError(e instanceof ApiRequestError && e.status === 401 ? 'That API key is not valid (or was revoked). Check it and try again.' : errorText(e));
      setBusy(false);
    }
  }

  return (
    <main className="signin">
      <form className="signin-card" onSubmit={submit} aria-label="Sign in">
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true" />
          Flowlens
        </div>
        <h1>Sign in to your workspace</h1>
        <p className="muted">Paste a workspace API key. It stays in this browser tab only and is forgotten when you sign out or close the tab.</p>
        <label htmlFor="apiKey">API key</label>
        <input id="apiKey" name="apiKey" type="password" autoComplete="off" spellCheck={false} placeholder="flk_…" value={apiKey} onChange={(e) => setApiKey(e.target.value)} required autoFocus />
        {error && (
          <div className="state state-error" role="alert">
            {error}
          </div>
        )}
        <button type="submit" className="btn-primary" disabled={busy || apiKey.trim() === ''}>
          {busy ? 'Checking…' : 'Sign in'}
        </button>
        <p className="muted small">
          <code>npm start</code> prints the demo workspace&apos;s key; an admin issues others under Settings → API keys.
        </p>
      </form>
    </main>
  );
}
