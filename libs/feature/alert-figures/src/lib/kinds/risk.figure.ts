import { computeItemRisks, computeQuality, type ItemRisks, type Quality } from '@flowlens/metrics';
import type { RiskEvaluation } from '@flowlens/figures';
import { addLocalDays } from '@flowlens/metrics';
import type { FigureCycle, ResolvedScope } from '../figure-cycle';

export interface ScopeRisk {
  readonly evaluation: RiskEvaluation;
  readonly items: ItemRisks;
  readonly quality: Quality;
}

/** The risk input of the scope over the window ending `to`, loaded once per cycle, with its item signals and quality. */
export function riskOf(cycle: FigureCycle, scope: ResolvedScope, windowDays: number, to = scope.today): Promise<ScopeRisk> {
  return cycle.figure(scope, `risk\u0000${windowDays}\u0000${to}`, async () => {
    const evaluation = await cycle.sources.risk.evaluate(cycle.principal(scope.workspaceId), cycle.stateQuery(scope, addLocalDays(to, -(windowDays - 1)), to));
    const boardIds = evaluation.scope.boardIds;
    return {
      evaluation,
      items: computeItemRisks(evaluation.input, { boardIds, threshold: evaluation.query.threshold, sleWindow: evaluation.query.sleWindow }),
      quality: computeQuality(evaluation.input.items, boardIds, evaluation.fromMs, evaluation.toEndMs),
    };
  });
}
