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
  const within = (ms: number | null) => ms !== null && ms >= fromMs && ms < toEndMs;
  const scoped = inScope(boardIds);
  // A workspace's 10^6 items share a few types: each type's flow type is looked up once.
  const defectByType = new Map<string | null, boolean>();
  let reopened = 0, done = 0, created = 0, defectsCreated = 0, defectsDone = 0;
  for (const item of items) {
    if (!scoped(item) || !isWorkItem(item)) continue;
    let defect = defectByType.get(item.type);
    if (defect === undefined) defectByType.set(item.type, (defect = flowTypeFor(item.type, flowTypes) === 'defect'));
    if (item.reopenedAt.length > 0 && item.reopenedAt.some(within)) reopened++;
    if (within(item.doneAt)) {
      done++;
      if (defect) defectsDone++;
    }
    if (within(item.createdAt)) {
      created++;
      if (defect) defectsCreated++;
    }
  }
  return {
    reopenRate: done === 0 ? null : reopened / done,
    reopened,
    done,
    defectShare: created === 0 ? null : defectsCreated / created,
    created,
    defectsCreated,
    defectsDone,
    defectNetFlow: defectsCreated - defectsDone,
  };
}
