import { FLOW_TYPES } from '@flowlens/metrics';
import type { TypeShares } from './allocation';

export interface TeamCost {
  /** Cost of each bucket: its capacity × cost per FTE-day. */
  readonly series: ReadonlyArray<{ readonly start: string; readonly cost: number }>;
  readonly cost: number;
  /** cost × allocation share; every type 0 when there was no active time to share it by. */
  readonly byType: TypeShares;
}

/** Flow cost of a team from its capacity per bucket, its rate and its allocation shares. */
export function teamCost(capacity: ReadonlyArray<{ start: string; capacityDays: number }>, costPerFteDay: number, shares: TypeShares | null): TeamCost {
  const series = capacity.map((b) => ({ start: b.start, cost: b.capacityDays * costPerFteDay }));
  const cost = series.reduce((sum, b) => sum + b.cost, 0);
  const byType = Object.fromEntries(FLOW_TYPES.map((t) => [t, shares ? cost * shares[t] : 0])) as TypeShares;
  return { series, cost, byType };
}

/** Portfolio cost: the teams' costs added bucket by bucket and type by type. */
export function sumCosts(costs: readonly TeamCost[], starts: readonly string[]): TeamCost {
  const series = starts.map((start, i) => ({ start, cost: costs.reduce((sum, c) => sum + (c.series[i]?.cost ?? 0), 0) }));
  const byType = Object.fromEntries(FLOW_TYPES.map((t) => [t, costs.reduce((sum, c) => sum + c.byType[t], 0)])) as TypeShares;
  return { series, cost: costs.reduce((sum, c) => sum + c.cost, 0), byType };
}

/** Cost of the window per item done in it; null when none was. */
export const costPerItem = (cost: number, throughput: number): number | null => (throughput > 0 ? cost / throughput : null);
