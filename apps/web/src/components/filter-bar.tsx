import { type ReactNode, useEffect, useState } from 'react';
import type { FilterPatch } from '../lib/filters';
import { useBoards } from '../lib/use-boards';

interface Props {
  readonly params: URLSearchParams;
  readonly update: (patch: FilterPatch) => void;
  /** Which of the common filters this page offers. */
  readonly show?: { dates?: boolean; board?: boolean; type?: boolean; team?: boolean; asOf?: boolean; interval?: boolean };
  readonly children?: ReactNode;
}

const list = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** Text filters apply on blur or Enter, so that typing does not fire a query per key. */
function TextFilter({ name, label, value, onApply, placeholder }: { name: string; label: string; value: string; onApply: (v: string) => void; placeholder?: string }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  return (
    <label className="filter">
      <span>{label}</span>
      <input name={name} value={text} placeholder={placeholder} onChange={(e) => setText(e.target.value)} onBlur={() => text !== value && onApply(text)} onKeyDown={(e) => e.key === 'Enter' && onApply(text)} />
    </label>
  );
}

/** The common filters of api.md, read from and written to the URL. */
export function FilterBar({ params, update, show = { dates: true, board: true, type: true, team: true, asOf: true }, children }: Props) {
  const { boards } = useBoards();
  const asOf = params.get('asOf');
  return (
    <form className="filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
      {show.dates && (
        <>
          <label className="filter">
            <span>From</span>
            <input type="date" name="from" value={params.get('from') ?? ''} max={params.get('to') ?? undefined} onChange={(e) => e.target.value && update({ from: e.target.value })} />
          </label>
          <label className="filter">
            <span>To</span>
            <input type="date" name="to" value={params.get('to') ?? ''} min={params.get('from') ?? undefined} onChange={(e) => e.target.value && update({ to: e.target.value })} />
          </label>
        </>
      )}
      {show.board && (
        <label className="filter">
          <span>Board</span>
          <select name="boardId" value={params.get('boardId') ?? ''} onChange={(e) => update({ boardId: e.target.value || null })}>
            <option value="">All boards</option>
            {boards.map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
        </label>
      )}
      {show.type && <TextFilter name="type" label="Type" placeholder="any (e.g. Story, Bug)" value={params.getAll('type').join(', ')} onApply={(v) => update({ type: list(v) })} />}
      {show.team && <TextFilter name="team" label="Team" placeholder="any" value={params.getAll('team').join(', ')} onApply={(v) => update({ team: list(v) })} />}
      {show.interval && (
        <label className="filter">
          <span>Interval</span>
          <select name="interval" value={params.get('interval') ?? 'week'} onChange={(e) => update({ interval: e.target.value })}>
            <option value="week">Week</option>
            <option value="day">Day</option>
          </select>
        </label>
      )}
      {show.asOf && (
        <label className="filter" title="Answer as the platform would have at this instant (UTC), from the events it had then">
          <span>As of (UTC)</span>
          <input
            type="datetime-local"
            name="asOf"
            value={asOf ? new Date(asOf).toISOString().slice(0, 16) : ''}
            onChange={(e) => update({ asOf: e.target.value ? new Date(`${e.target.value}:00Z`).toISOString() : null, from: null, to: null })}
          />
        </label>
      )}
      {children}
    </form>
  );
}
