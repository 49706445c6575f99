import { formatValue, type FigureFormat } from '../lib/format';
import { useTimeZone } from './use-time-zone';

interface Props {
  /** `<endpoint>.<field>` as api.md names it, e.g. `cycle-time.p85`. */
  readonly figure: string;
  readonly value: unknown;
  readonly format?: FigureFormat;
  readonly className?: string;
}

/** One figure as shown (rounded, % for shares, workspace-zone dates, — for null), with the API's value in `data-value`. */
export function Figure({ figure, value, format = 'decimal', className }: Props) {
  const timeZone = useTimeZone();
  const raw = value === null || value === undefined ? 'null' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return (
    <span className={className ?? 'figure'} data-figure={figure} data-value={raw}>
      {formatValue(value, format, timeZone)}
    </span>
  );
}

interface StatProps extends Props {
  readonly label: string;
  readonly hint?: string;
}

/** A labelled headline figure (a KPI). */
export function Stat({ label, hint, ...figure }: StatProps) {
  return (
    <div className="stat" title={hint}>
      <div className="stat-label">{label}</div>
      <Figure {...figure} className="figure stat-value" />
    </div>
  );
}
