/** The local calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(instant: number | Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export const DEFAULT_WINDOW_DAYS = 90;

/** The API's default window: the 90 local days ending today (or on asOf's date). */
export function defaultWindow(timeZone: string, asOf: string | null, now = Date.now()): { from: string; to: string } {
  const to = localDate(asOf ? Date.parse(asOf) : now, timeZone);
  return { from: addDays(to, -(DEFAULT_WINDOW_DAYS - 1)), to };
}
