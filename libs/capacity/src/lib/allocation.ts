import { FLOW_TYPES, type FlowType } from '@flowlens/metrics';

/** A stretch of an item's life: from `at` until the next one (or `end` for the last). */
export interface AllocationSegment {
  readonly at: number;
  readonly category: string;
  readonly blocked: boolean;
}

/**
 * Milliseconds of active time (an active stage, not blocked) inside [fromMs, untilMs): each
 * segment is clipped to the window; the last one runs until `untilMs`.
 */
export function activeTimeInWindow(segments: readonly AllocationSegment[], fromMs: number, untilMs: number): number {
  let total = 0;
  segments.forEach((segment, i) => {
    if (segment.category !== 'active' || segment.blocked) return;
    const end = segments[i + 1]?.at ?? untilMs;
    total += Math.max(0, Math.min(end, untilMs) - Math.max(segment.at, fromMs));
  });
  return total;
}

export type TypeShares = Record<FlowType, number>;

export interface Allocation {
  readonly activeDays: number;
  readonly activeDaysByType: TypeShares;
  /** Share of the active time per flow type; null when there was none. */
  readonly byType: TypeShares | null;
  readonly target: TypeShares | null;
  /** byType − target per type; null without either. */
  readonly gap: TypeShares | null;
}

const perType = (value: (t: FlowType) => number): TypeShares => Object.fromEntries(FLOW_TYPES.map((t) => [t, value(t)])) as TypeShares;

/** Allocation from active days per flow type, against an optional target mix. */
export function allocationOf(activeDaysByType: Partial<Record<FlowType, number>>, target: TypeShares | null): Allocation {
  const days = perType((t) => activeDaysByType[t] ?? 0);
  const activeDays = FLOW_TYPES.reduce((sum, t) => sum + days[t], 0);
  const byType = activeDays > 0 ? perType((t) => days[t] / activeDays) : null;
  const gap = byType && target ? perType((t) => byType[t] - target[t]) : null;
  return { activeDays, activeDaysByType: days, byType, target, gap };
}
