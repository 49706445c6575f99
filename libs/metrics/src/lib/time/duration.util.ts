export const MS_PER_DAY = 86_400_000;

/** Elapsed time in days as a decimal (`ms / 86,400,000`), never a calendar-day count. */
export function durationDays(fromMs: number, toMs: number): number {
  return (toMs - fromMs) / MS_PER_DAY;
}

/** Milliseconds since the epoch of a UTC ISO instant; throws on anything unparseable. */
export function instantMs(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`not a valid instant: ${iso}`);
  return ms;
}

/** UTC ISO-8601 with milliseconds, the wire format of every instant. */
export function isoOf(ms: number): string {
  return new Date(ms).toISOString();
}
