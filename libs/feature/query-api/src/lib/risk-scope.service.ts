import { Injectable } from '@nestjs/common';
import { ApiError } from '@flowlens/platform';

/** The boards a risk request covers, and the team each board belongs to. */
export interface RiskScope {
  /** Empty: every board of the workspace. */
  readonly boardIds: readonly string[];
  readonly teamOfBoard: ReadonlyMap<string, string>;
  /** Teams and portfolios for roll-ups: id, name and boards. */
  readonly teams: ReadonlyArray<{ id: string; name: string; boardIds: readonly string[] }>;
  readonly portfolios: ReadonlyArray<{ id: string; name: string; boardIds: readonly string[] }>;
}

/**
 * Resolves `boardId` / `teamId` / `portfolioId` into boards. Teams and portfolios come with
 * issue 12; until its scope resolver is wired here a workspace has none, so any `teamId` or
 * `portfolioId` names one the workspace does not have (404, as api.md's precise rules say).
 */
@Injectable()
export class RiskScopeService {
  async resolve(_workspaceId: string, boardIds: readonly string[], teamIds: readonly string[], portfolioIds: readonly string[]): Promise<RiskScope> {
    const unknown = [...teamIds.map((id) => `team ${id}`), ...portfolioIds.map((id) => `portfolio ${id}`)];
    if (unknown.length) throw ApiError.notFound(`this workspace has no ${unknown.join(', ')}`);
    return { boardIds, teamOfBoard: new Map(), teams: [], portfolios: [] };
  }
}
