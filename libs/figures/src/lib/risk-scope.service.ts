import { Injectable } from '@nestjs/common';
import { BoardScopeResolver, portfolioBoards } from '@flowlens/board-scope';
import { PortfolioRepository, TeamRepository } from '@flowlens/persistence';

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
 * Resolves `boardId` / `teamId` / `portfolioId` into boards with the one scope rule
 * (@flowlens/board-scope; unknown ids are 404), and lists the workspace's teams and portfolios
 * for the roll-ups.
 */
@Injectable()
export class RiskScopeService {
  constructor(
    private readonly scopes: BoardScopeResolver,
    private readonly teams: TeamRepository,
    private readonly portfolios: PortfolioRepository,
  ) {}

  async resolve(workspaceId: string, boardIds: readonly string[], teamIds: readonly string[], portfolioIds: readonly string[]): Promise<RiskScope> {
    const scope = await this.scopes.resolve(workspaceId, { boardIds, teamIds, portfolioIds });
    const [teams, portfolios] = await Promise.all([this.teams.list(workspaceId), this.portfolios.list(workspaceId)]);
    return {
      boardIds: scope.boardIds,
      teamOfBoard: new Map(teams.flatMap((t) => t.boardIds.map((b) => [b, t.id] as const))),
      teams: teams.map((t) => ({ id: t.id, name: t.name, boardIds: t.boardIds })),
      portfolios: portfolios.map((p) => ({ id: p.id, name: p.name, boardIds: portfolioBoards(p, teams) })),
    };
  }
}
