/** A channel an editor can send to. */
export interface PickableChannel {
  readonly id: string;
  readonly name: string;
  readonly type: string;
}

/** The channels of a form (rules, digests) as checkboxes; `empty` is said when there is none. */
export function ChannelPicker({ channels, selected, onChange, empty }: { channels: readonly PickableChannel[]; selected: readonly string[]; onChange: (ids: string[]) => void; empty: string }) {
  if (channels.length === 0) return <p className="muted small">{empty}</p>;
  const toggle = (id: string, on: boolean) => onChange(on ? [...selected, id] : selected.filter((c) => c !== id));
  return (
    <div className="filters" aria-label="Channels">
      {channels.map((c) => (
        <label key={c.id} style={{ marginRight: 12 }}>
          <input type="checkbox" name={`channel-${c.id}`} checked={selected.includes(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} /> {c.name} <span className="muted small">({c.type})</span>
        </label>
      ))}
    </div>
  );
}
