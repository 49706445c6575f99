/** UTC ISO-8601 with milliseconds, e.g. `2024-01-15T10:23:45.123Z` — the only time format on the wire. */
export const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Normalises an instant (any offset form `Date.parse` accepts after repair) to UTC ISO with ms. */
export function toIsoInstant(value: string | number | Date): string {
  const date = value instanceof Date ? value : new Date(typeof value === 'string' ? repairOffset(value) : value);
  if (Number.isNaN(date.getTime())) {
    throw new RangeError(`not a valid instant: ${String(value)}`);
  }
  return date.toISOString();
}

/** Like {@link toIsoInstant} but returns null instead of throwing. */
export function tryIsoInstant(value: string | number | Date | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  try {
    return toIsoInstant(value);
  } catch {
    return null;
  }
}

/**
 * Jira sends offsets without a colon (`+0000`, `-0530`), which `Date.parse` rejects;
 * rewrite them to `+00:00` form. Other strings pass through untouched.
 */
export function repairOffset(value: string): string {
  return value.replace(/([+-])(\d{2})(\d{2})$/, '$1$2:$3');
}
