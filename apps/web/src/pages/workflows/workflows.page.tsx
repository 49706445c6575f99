import { useQueryClient } from '@tanstack/react-query';
import { type DragEvent, useEffect, useState } from 'react';
import { Figure } from '../../components/figure';
import { PageHeader } from '../../components/page-header';
import { Empty, ErrorNote, Loading } from '../../components/query-state';
import { useTimeZone } from '../../components/use-time-zone';
import type { ElapsedTime, FlowEfficiency, Stage, WorkflowMap, Workflows, WorkflowVersions } from '../../lib/api-types';
import { useFilters } from '../../lib/filters';
import { formatDateTime, formatValue } from '../../lib/format';
import { hasRole } from '../../lib/roles';
import { useSignedIn } from '../../lib/session';
import { useApi } from '../../lib/use-api';
import { useApiMutation } from '../../lib/use-mutation-api';
import { CATEGORIES, loose, moveStage, moveStatus } from './map-editing';

interface Snapshot {
  p85: number | null;
  efficiency: number | null;
}

/** Workflow maps: stages in order, their category, statuses dragged between them; every version kept. */
export function WorkflowsPage() {
  const { me } = useSignedIn();
  const zone = useTimeZone();
  const maps = useApi<Workflows>('workflows');
  const first = maps.data?.items[0]?.boardId ?? '';
  const { params, update } = useFilters((): Record<string, string> => (first ? { boardId: first } : {}));
  const boardId = params.get('boardId') ?? first;
  const map = maps.data?.items.find((m) => m.boardId === boardId);
  const canEdit = hasRole(me.key.role, 'analyst');

  if (maps.error) return <ErrorNote error={maps.error} />;
  if (maps.isPending) return <Loading />;
  if (!maps.data.items.length) return <Empty>No board has sent events yet, so there is no workflow to map.</Empty>;
  return (
    <>
      <PageHeader
        title="Workflow maps"
        subtitle="Which statuses make up each stage, in flow order; every figure reads items through this map"
        actions={
          <label className="filter">
            <span>Board</span>
            <select name="boardId" value={boardId} onChange={(e) => update({ boardId: e.target.value })}>
              {maps.data.items.map((m) => (
                <option key={m.boardId} value={m.boardId}>
                  {m.boardId}
                </option>
              ))}
            </select>
          </label>
        }
      />
      {map && <MapEditor key={map.boardId} map={map} canEdit={canEdit} zone={zone} />}
    </>
  );
}

function MapEditor({ map, canEdit, zone }: { map: WorkflowMap; canEdit: boolean; zone: string }) {
  const [stages, setStages] = useState<Stage[]>(map.stages);
  const [dragged, setDragged] = useState<string | null>(null);
  const [change, setChange] = useState<{ before: Snapshot; version: number } | null>(null);
  const known = [...map.stages.flatMap((s) => s.statuses), ...(map.unmappedStatuses ?? [])];
  const unheld = loose(known, stages);
  const dirty = JSON.stringify(stages) !== JSON.stringify(map.stages);
  const scope = new URLSearchParams({ boardId: map.boardId });
  const cycle = useApi<ElapsedTime>('metrics/cycle-time', new URLSearchParams({ boardId: map.boardId, limit: '0' }));
  const efficiency = useApi<FlowEfficiency>('metrics/flow-efficiency', scope);
  const history = useApi<WorkflowVersions>(`workflows/${encodeURIComponent(map.boardId)}/versions`, undefined, { enabled: !map.default });
  const client = useQueryClient();
  const save = useApiMutation<Stage[], { version: number }>('PUT', () => `workflows/${encodeURIComponent(map.boardId)}`, (s) => ({ stages: s }));

  useEffect(() => setStages(map.stages), [map]);

  const drop = (to: number | null) => (event: DragEvent) => {
    event.preventDefault();
    if (dragged) setStages((s) => moveStatus(s, dragged, to));
    setDragged(null);
  };
  const edit = (i: number, patch: Partial<Stage>) => setStages((s) => s.map((st, j) => (j === i ? { ...st, ...patch } : st)));
  const onSave = () => {
    const before = { p85: cycle.data?.p85 ?? null, efficiency: efficiency.data?.efficiency ?? null };
    save.mutate(stages, {
      onSuccess: (saved) => {
        setChange({ before, version: saved.version });
        void client.invalidateQueries();
      },
    });
  };

  return (
    <div className="grid">
      <section className="panel panel-wide" aria-label="Map editor">
        <header className="panel-head">
          <div>
            <h2>
              {map.boardId} {map.default ? <span className="badge badge-warn">default map (not saved yet)</span> : <span className="badge">version {map.version}</span>}
            </h2>
            <p className="panel-sub">
              {canEdit ? 'Drag statuses between stages; the order of the list is the flow order.' : 'Read-only: editing maps needs the analyst role.'}
              {map.changedAt && ` Last changed ${formatDateTime(map.changedAt, zone)} by ${map.changedBy}.`}
            </p>
          </div>
          <div className="panel-tools">
            {canEdit && (
              <>
                <button type="button" className="btn" onClick={() => setStages((s) => [...s, { name: `Stage ${s.length + 1}`, category: 'active', statuses: [] }])}>
                  Add stage
                </button>
                <button type="button" className="btn" disabled={!dirty} onClick={() => setStages(map.stages)}>
                  Discard changes
                </button>
                <button type="button" className="btn-primary" disabled={!dirty || save.isPending} onClick={onSave}>
                  {save.isPending ? 'Saving…' : 'Save map'}
                </button>
              </>
            )}
          </div>
        </header>
        {save.error && <ErrorNote error={save.error} />}
        {change && (
          <div className="notice" role="status">
            Saved as version {change.version}. Figures of {map.boardId} now: cycle time p85 {formatValue(change.before.p85, 'days')} →{' '}
            <Figure figure="cycle-time.p85" value={cycle.data?.p85 ?? null} format="days" />, flow efficiency {formatValue(change.before.efficiency, 'share')} →{' '}
            <Figure figure="flow-efficiency.efficiency" value={efficiency.data?.efficiency ?? null} format="share" />.
          </div>
        )}
        <div className="map-stages">
          {stages.map((stage, i) => (
            <div key={i} className={`map-stage cat-${stage.category}`} onDragOver={(e) => canEdit && e.preventDefault()} onDrop={drop(i)} data-stage={stage.name}>
              <div className="map-stage-head">
                <input aria-label="Stage name" value={stage.name} disabled={!canEdit} onChange={(e) => edit(i, { name: e.target.value })} />
                <select aria-label="Category" value={stage.category} disabled={!canEdit} onChange={(e) => edit(i, { category: e.target.value as Stage['category'] })}>
                  {CATEGORIES.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
              </div>
              <div className="chips">
                {stage.statuses.map((status) => (
                  <span key={status} className="chip" draggable={canEdit} onDragStart={() => setDragged(status)} title={canEdit ? 'Drag to another stage' : undefined}>
                    {status}
                  </span>
                ))}
                {stage.statuses.length === 0 && <span className="muted small">drop statuses here</span>}
              </div>
              {canEdit && (
                <div className="map-stage-tools">
                  <button type="button" className="btn-ghost" aria-label={`Move ${stage.name} earlier`} onClick={() => setStages((s) => moveStage(s, i, -1))} disabled={i === 0}>
                    ←
                  </button>
                  <button type="button" className="btn-ghost" aria-label={`Move ${stage.name} later`} onClick={() => setStages((s) => moveStage(s, i, 1))} disabled={i === stages.length - 1}>
                    →
                  </button>
                  <button type="button" className="btn-ghost" onClick={() => setStages((s) => s.filter((_, j) => j !== i))}>
                    Remove
                  </button>
                </div>
              )}
            </div>
          ))}
        </div>
        <div className={`unmapped${unheld.length ? ' unmapped-some' : ''}`} onDragOver={(e) => canEdit && e.preventDefault()} onDrop={drop(null)} aria-label="Statuses no stage holds">
          <h3>Statuses no stage holds ({unheld.length})</h3>
          {unheld.length === 0 ? (
            <span className="muted small">Every status seen on {map.boardId} is in a stage.</span>
          ) : (
            <div className="chips">
              {unheld.map((status) => (
                <span key={status} className="chip chip-loose" draggable={canEdit} onDragStart={() => setDragged(status)}>
                  {status}
                </span>
              ))}
            </div>
          )}
        </div>
      </section>
      {!map.default && (
        <section className="panel panel-wide" aria-label="Map history" aria-busy={history.isFetching}>
          <header className="panel-head">
            <h2>Version history</h2>
          </header>
          {history.error ? (
            <ErrorNote error={history.error} />
          ) : !history.data ? (
            <Loading />
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th>Version</th>
                  <th>Changed</th>
                  <th>By</th>
                  <th>Stages</th>
                  {canEdit && <th />}
                </tr>
              </thead>
              <tbody>
                {history.data.items.map((v) => (
                  <tr key={v.version}>
                    <td>{v.version}</td>
                    <td>{formatDateTime(v.changedAt, zone)}</td>
                    <td>{v.changedBy}</td>
                    <td>{v.stages.map((s) => `${s.name} (${s.statuses.length})`).join(' → ')}</td>
                    {canEdit && (
                      <td>
                        <button type="button" className="btn-ghost" onClick={() => setStages(v.stages)}>
                          Load into editor
                        </button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </div>
  );
}
