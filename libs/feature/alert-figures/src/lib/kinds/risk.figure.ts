import { computeItemRisks, computeQuality, type ItemRisks, type Quality } from '@flowlens/metrics';
import type { RiskEvaluation } from '@flowlens/figures';
import { addLocalDays } from '@flowlens/metrics';
import type { FigureCycle, ResolvedScope } from '../figure-cycle';

export interface ScopeRisk {
  readonly evaluation: RiskEvaluation;
  readonly items: ItemRisks;
  readonly quality: Quality;
}

/**
 * The risk evaluation of the scope over the window ending `to`, with its item signals and quality.
 * The workspace's evaluation (its input and instant) is loaded once per cycle and narrowed to each
 * scope, so every scope of a cycle reads the same input at the same instant.
 */
export function riskOf(cycle: FigureCycle, scope: ResolvedScope, windowDays: number, to = scope.today): Promise<ScopeRisk> {
  return cycle.figure(scope, `risk\u0000${windowDays}\u0000${to}`, async () => {
    const from = addLocalDays(to, -(windowDays - 1));
    const workspace = await cycle.workspaceFigure(scope.workspaceId, `risk\u0000${windowDays}\u0000${to}`, () =>
      cycle.sources.risk.evaluate(cycle.principal(scope.workspaceId), cycle.stateQuery({ ...scope, filter: {} }, from, to)),
    );
    const evaluation = await cycle.sources.risk.narrow(workspace, scope.filter);
    const boardIds = evaluation.scope.boardIds;
    return {
      evaluation,
      items: computeItemRisks(evaluation.input, { boardIds, threshold: evaluation.query.threshold, sleWindow: evaluation.query.sleWindow }),
      quality: computeQuality(evaluation.input.items, boardIds, evaluation.fromMs, evaluation.toEndMs),
    };
  });
}
