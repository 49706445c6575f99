/** How figures read on screen; `data-value` always keeps the API's unrounded value. */
export type FigureFormat = 'count' | 'days' | 'decimal' | 'share' | 'date' | 'datetime' | 'text';

export function formatValue(value: unknown, format: FigureFormat, timeZone = 'UTC'): string {
  if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value))) return '—';
  switch (format) {
    case 'count':
      return typeof value === 'number' ? Math.round(value).toLocaleString('en-GB') : String(value);
    case 'days':
      return typeof value === 'number' ? `${value.toFixed(1)} d` : String(value);
    case 'decimal':
      return typeof value === 'number' ? value.toLocaleString('en-GB', { maximumFractionDigits: 2 }) : String(value);
    case 'share':
      return typeof value === 'number' ? `${(value * 100).toFixed(1)}%` : String(value);
    case 'date':
      return formatDate(String(value), timeZone);
    case 'datetime':
      return formatDateTime(String(value), timeZone);
    case 'text':
      return String(value);
  }
}

/** A local date (YYYY-MM-DD) stays that day; an instant is shown as its day in the workspace zone. */
export function formatDate(value: string, timeZone: string): string {
  const instant = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T12:00:00Z`) : Date.parse(value);
  if (Number.isNaN(instant)) return value;
  const zone = /^\d{4}-\d{2}-\d{2}$/.test(value) ? 'UTC' : timeZone;
  return new Intl.DateTimeFormat('en-GB', { timeZone: zone, day: 'numeric', month: 'short', year: 'numeric' }).format(instant);
}

export function formatDateTime(value: string, timeZone: string): string {
  const instant = Date.parse(value);
  if (Number.isNaN(instant)) return value;
  return new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(instant);
}
