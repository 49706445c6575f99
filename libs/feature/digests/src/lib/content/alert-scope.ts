import type { RuleScope } from '@flowlens/alerting';

/** A portfolio digest's scope: the portfolio, its teams, and its boards (its teams' boards and its own). */
export interface DigestScope {
  readonly portfolioId: string;
  readonly teamIds: readonly string[];
  readonly boardIds: readonly string[];
}

/** A firing instance as the digest store reads it: its rule's scope (jsonb) and its subject. */
export interface FiringSubject {
  readonly scope: RuleScope | string;
  readonly subject_type: string;
  readonly subject_id: string;
}

/** Whether a firing instance is about the portfolio's scope, by its rule's scope or by its subject. */
export function covers(scope: DigestScope, row: FiringSubject): boolean {
  const rule = typeof row.scope === 'string' ? (JSON.parse(row.scope) as RuleScope) : row.scope;
  const about = (type: string, id: string | undefined) =>
    id !== undefined && ((type === 'portfolio' && id === scope.portfolioId) || (type === 'team' && scope.teamIds.includes(id)) || (type === 'board' && scope.boardIds.includes(id)));
  return about('portfolio', rule.portfolioId) || about('team', rule.teamId) || about('board', rule.boardId) || about(row.subject_type, row.subject_id);
}
