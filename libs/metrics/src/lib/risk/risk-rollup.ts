import type { Concentration } from './concentration';
import type { DeliveryForecast } from './delivery-forecast';
import type { Dependency } from './dependencies';
import type { ItemRisk } from './item-signals';

export type RiskLevel = 'low' | 'medium' | 'high';

export interface RiskCounts {
  readonly aging: number;
  readonly blocked: number;
  readonly dueDate: number;
  readonly releasesAtRisk: number;
  readonly dependencies: number;
  readonly concentration: number;
}

export interface RollupInput {
  readonly items: readonly ItemRisk[];
  /** In-progress work items of the subject's boards (the denominator of the shares). */
  readonly inProgress: number;
  readonly deliveries: readonly DeliveryForecast[];
  readonly dependencies: readonly Dependency[];
  readonly concentration: readonly Concentration[];
}

/** Shares of in-progress items (aging, blocked) at or above which a subject is high risk. */
export const HIGH_SHARE = 0.3;

/**
 * Counts of one subject (a board, team or portfolio, given as its boards) and its level:
 * high when a release or epic is at risk, or aging or blocked items are ≥ 30% of its WIP;
 * medium when any other signal is present; low otherwise (docs/metrics-reference.md).
 */
export function rollUp(boardIds: readonly string[], input: RollupInput): { level: RiskLevel; reasons: string[]; counts: RiskCounts } {
  const boards = new Set(boardIds);
  const on = (board: string) => boards.has(board);
  const items = input.items.filter((item) => on(item.boardId));
  const count = (signal: ItemRisk['signals'][number]) => items.filter((item) => item.signals.includes(signal)).length;
  const counts: RiskCounts = {
    aging: count('aging'),
    blocked: count('blocked'),
    dueDate: count('due-date'),
    releasesAtRisk: input.deliveries.filter((d) => d.atRisk && d.boardIds.some(on)).length,
    dependencies: input.dependencies.filter((d) => d.open && on(d.boardId)).length,
    concentration: input.concentration.filter((c) => c.flagged && on(c.boardId)).length,
  };
  const high: string[] = [];
  const share = (n: number) => (input.inProgress === 0 ? 0 : n / input.inProgress);
  if (counts.releasesAtRisk > 0) high.push(`${counts.releasesAtRisk} release(s) or epic(s) at risk`);
  if (counts.aging > 0 && share(counts.aging) >= HIGH_SHARE) high.push(`${pct(share(counts.aging))} of WIP is older than its SLE`);
  if (counts.blocked > 0 && share(counts.blocked) >= HIGH_SHARE) high.push(`${pct(share(counts.blocked))} of WIP is blocked`);
  if (high.length) return { level: 'high', reasons: high, counts };
  const medium: string[] = [];
  if (counts.aging) medium.push(`${counts.aging} item(s) older than the SLE`);
  if (counts.blocked) medium.push(`${counts.blocked} item(s) blocked`);
  if (counts.dueDate) medium.push(`${counts.dueDate} item(s) likely to miss their due date`);
  if (counts.dependencies) medium.push(`${counts.dependencies} open dependenc(ies)`);
  if (counts.concentration) medium.push('done work concentrated on one person');
  return { level: medium.length ? 'medium' : 'low', reasons: medium, counts };
}

const pct = (share: number) => `${Math.round(share * 100)}%`;
