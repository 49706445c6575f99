import { flowTypeFor, type FlowTypeMap } from '../flow-type/flow-type';
import { inScope } from './item-signals';
import { isWorkItem, type RiskItem } from './risk-item';

export interface Quality {
  readonly reopenRate: number | null;
  readonly reopened: number;
  readonly done: number;
  readonly defectShare: number | null;
  readonly created: number;
  readonly defectsCreated: number;
  readonly defectsDone: number;
  readonly defectNetFlow: number;
}

/** Reopen rate, defect share and defect net flow over [fromMs, toEndMs) (metrics.md "Quality"). */
export function computeQuality(items: readonly RiskItem[], boardIds: readonly string[], fromMs: number, toEndMs: number, flowTypes: FlowTypeMap = {}): Quality {
  return computeQualityByPeriod(items, boardIds, [{ fromMs, toEndMs }], flowTypes)[0] as Quality;
}

/** A period of a quality trend: [fromMs, toEndMs). */
export interface QualityPeriod {
  readonly fromMs: number;
  readonly toEndMs: number;
}

/**
 * The quality figures of each period (ascending, not overlapping), in one pass over the items: an
 * item counts in the period holding its done instant, the one holding its creation, and once in
 * each period in which it was reopened.
 */
export function computeQualityByPeriod(items: readonly RiskItem[], boardIds: readonly string[], periods: readonly QualityPeriod[], flowTypes: FlowTypeMap = {}): Quality[] {
  const counts = periods.map(() => ({ reopened: 0, done: 0, created: 0, defectsCreated: 0, defectsDone: 0 }));
  const periodOf = (ms: number | null): number => {
    if (ms === null) return -1;
    let lo = 0;
    let hi = periods.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const period = periods[mid] as QualityPeriod;
      if (ms < period.fromMs) hi = mid - 1;
      else if (ms >= period.toEndMs) lo = mid + 1;
      else return mid;
    }
    return -1;
  };
  const scoped = inScope(boardIds);
  // A workspace's 10^6 items share a few types: each type's flow type is looked up once.
  const defectByType = new Map<string | null, boolean>();
  // The periods an item was reopened in (an item is reopened a few times at most).
  const reopenedIn: number[] = [];
  for (const item of items) {
    if (!scoped(item) || !isWorkItem(item)) continue;
    let defect = defectByType.get(item.type);
    if (defect === undefined) defectByType.set(item.type, (defect = flowTypeFor(item.type, flowTypes) === 'defect'));
    if (item.reopenedAt.length > 0) {
      reopenedIn.length = 0;
      for (const at of item.reopenedAt) {
        const period = periodOf(at);
        if (period < 0 || reopenedIn.includes(period)) continue;
        (counts[period] as (typeof counts)[number]).reopened++;
        reopenedIn.push(period);
      }
    }
    const done = periodOf(item.doneAt);
    if (done >= 0) {
      const c = counts[done] as (typeof counts)[number];
      c.done++;
      if (defect) c.defectsDone++;
    }
    const created = periodOf(item.createdAt);
    if (created >= 0) {
      const c = counts[created] as (typeof counts)[number];
      c.created++;
      if (defect) c.defectsCreated++;
    }
  }
  return counts.map(({ reopened, done, created, defectsCreated, defectsDone }) => ({
    reopenRate: done === 0 ? null : reopened / done,
    reopened,
    done,
    defectShare: created === 0 ? null : defectsCreated / created,
    created,
    defectsCreated,
    defectsDone,
    defectNetFlow: defectsCreated - defectsDone,
  }));
}
