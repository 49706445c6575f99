import type { UseQueryResult } from '@tanstack/react-query';
import { Figure } from '../../components/figure';
import type { RiskSummary } from '../../lib/api-types';
import { METRIC_FILTERS, pick } from '../../lib/filters';
import { LEVEL_BADGE } from '../../lib/risk-data';
import { useApi } from '../../lib/use-api';

export type RiskRollUp = UseQueryResult<RiskSummary, Error>;

/** The risk roll-up of every board or every portfolio, with the page's filters (not its board). */
export function useRiskRollUp(params: URLSearchParams, by: 'board' | 'portfolio'): RiskRollUp {
  const query = pick(params, METRIC_FILTERS.filter((f) => f !== 'boardId'));
  query.set('by', by);
  return useApi<RiskSummary>('risk/summary', query);
}

/** A subject's risk level as a badge; the reasons that set it are its tooltip. Nothing until the roll-up answers. */
export function RiskBadge({ rollUp, id, by }: { rollUp: RiskRollUp; id: string; by: 'board' | 'portfolio' }) {
  const subject = rollUp.data?.items.find((s) => s.id === id);
  if (!subject) return null;
  const reasons = subject.reasons.length ? subject.reasons.join('\n') : 'no risk signal';
  return (
    <span className={LEVEL_BADGE[subject.level]} title={`Risk ${subject.level}: ${reasons}`} aria-label={`Risk ${subject.level}`} data-query={`by=${by}`} data-reasons={subject.reasons.join('; ')}>
      risk <Figure figure={`risk/summary.items[id=${id}].level`} value={subject.level} format="text" className="figure" />
    </span>
  );
}
