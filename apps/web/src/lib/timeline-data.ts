import type { TimelineSegment } from './api-types';

export interface TimelineBar {
  readonly row: number;
  readonly from: number;
  readonly to: number;
  readonly stage: string;
  readonly status: string;
  readonly category: string;
  readonly blocked: boolean;
  readonly days: number;
}

/** An item's segments as bars on one row per stage (rows in order of first visit); the open segment runs to `now`. */
export function timelineBars(segments: readonly TimelineSegment[], now: number): { rows: string[]; bars: TimelineBar[] } {
  const rows: string[] = [];
  const bars = segments.map((s) => {
    if (!rows.includes(s.stage)) rows.push(s.stage);
    return { row: rows.indexOf(s.stage), from: Date.parse(s.from), to: s.to ? Date.parse(s.to) : now, stage: s.stage, status: s.status, category: s.category, blocked: s.blocked, days: s.days };
  });
  return { rows, bars };
}
