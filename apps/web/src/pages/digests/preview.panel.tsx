import { useState } from 'react';
import { Figure } from '../../components/figure';
import { ErrorNote, Loading } from '../../components/query-state';
import type { Digest, DigestPreview } from '../../lib/alert-types';
import { useApi } from '../../lib/use-api';

type View = 'html' | 'text';

/**
 * The digest of the last complete week as it would be sent now. The HTML body is shown in an
 * iframe sandboxed with no permission at all (no scripts, no same origin, no forms), so nothing
 * in a rendered name can run in the dashboard.
 */
export function PreviewPanel({ digest, onOpen }: { digest: Digest; onOpen: () => void }) {
  const [open, setOpen] = useState(false);
  const [view, setView] = useState<View>('html');
  const preview = useApi<DigestPreview>(`digests/${digest.id}/preview`, undefined, { enabled: open });
  const show = () => {
    onOpen();
    setOpen(true);
  };
  return (
    <section className="panel panel-wide" aria-label="Digest preview" aria-busy={open && preview.isFetching} data-panel="digests-preview">
      <header className="panel-head">
        <div>
          <h2>Preview</h2>
          <p className="panel-sub">The last complete local week, as a send now would render it</p>
        </div>
        <div className="panel-tools">
          {open ? (
            <button type="button" className="btn-ghost" disabled={preview.isFetching} onClick={() => void preview.refetch()}>
              Refresh
            </button>
          ) : (
            <button type="button" className="btn-primary" onClick={show}>
              Preview
            </button>
          )}
        </div>
      </header>
      {!open ? (
        <p className="muted small">Renders the figures of the digest's scope (a few seconds on a busy machine).</p>
      ) : preview.error ? (
        <ErrorNote error={preview.error} />
      ) : !preview.data ? (
        <Loading label="Rendering the digest…" />
      ) : (
        <>
          <p>
            <span className="muted small">Subject</span> <strong><Figure figure="digests/preview.subject" value={preview.data.subject} format="text" /></strong>
            <br />
            <span className="muted small">
              week <Figure figure="digests/preview.week.from" value={preview.data.week.from} format="date" /> – <Figure figure="digests/preview.week.to" value={preview.data.week.to} format="date" />
            </span>
          </p>
          <div className="tabs" role="tablist" aria-label="Digest body">
            {(['html', 'text'] as const).map((v) => (
              <button key={v} type="button" role="tab" aria-selected={view === v} className={`tab btn-link${view === v ? ' active' : ''}`} onClick={() => setView(v)}>
                {v === 'html' ? 'HTML' : 'Text'}
              </button>
            ))}
          </div>
          {view === 'html' ? (
            <iframe title="Digest HTML body" className="digest-frame" sandbox="" srcDoc={preview.data.html} />
          ) : (
            <pre aria-label="Digest text body" className="small" style={{ whiteSpace: 'pre-wrap', margin: 0, maxHeight: 560, overflow: 'auto' }}>
              {preview.data.text}
            </pre>
          )}
        </>
      )}
    </section>
  );
}
