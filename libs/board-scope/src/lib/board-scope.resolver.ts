import { Injectable } from '@nestjs/common';
import { type PortfolioRecord, PortfolioRepository, type TeamEntity, TeamRepository } from '@flowlens/persistence';
import { ApiError } from '@flowlens/platform';

/** A board id no source produces: the filter of a scope that selects no board. */
export const NO_BOARD = '\u0000no-board';

export interface BoardScopeRequest {
  readonly boardIds: readonly string[];
  readonly teamIds: readonly string[];
  readonly portfolioIds: readonly string[];
}

export interface BoardScope {
  /** The board filter for a query context; empty means every board. */
  readonly boardIds: string[];
  /** Teams named by teamId, then those of the portfolios named (each once). */
  readonly teams: TeamEntity[];
  readonly portfolios: PortfolioRecord[];
}

/** The boards of a portfolio: its teams' boards ∪ its own. */
export function portfolioBoards(portfolio: PortfolioRecord, teams: readonly TeamEntity[]): string[] {
  const own = teams.filter((t) => portfolio.teamIds.includes(t.id)).flatMap((t) => t.boardIds);
  return [...new Set([...own, ...portfolio.boardIds])];
}

/** Turns the teamId / portfolioId / boardId filters into the boards a figure covers (see README). */
@Injectable()
export class BoardScopeResolver {
  constructor(
    private readonly teams: TeamRepository,
    private readonly portfolios: PortfolioRepository,
  ) {}

  async resolve(workspaceId: string, request: BoardScopeRequest): Promise<BoardScope> {
    if (request.teamIds.length === 0 && request.portfolioIds.length === 0) return { boardIds: [...request.boardIds], teams: [], portfolios: [] };
    const named = await this.teamsById(workspaceId, request.teamIds);
    const portfolios = await Promise.all(request.portfolioIds.map((id) => this.portfolio(workspaceId, id)));
    const portfolioTeams = await this.teamsById(workspaceId, [...new Set(portfolios.flatMap((p) => p.teamIds))].filter((id) => !request.teamIds.includes(id)));
    const teams = [...named, ...portfolioTeams];
    const sets: Array<Set<string>> = [];
    if (request.boardIds.length) sets.push(new Set(request.boardIds));
    if (named.length) sets.push(new Set(named.flatMap((t) => t.boardIds)));
    if (portfolios.length) sets.push(new Set(portfolios.flatMap((p) => portfolioBoards(p, teams))));
    const [first, ...rest] = sets;
    const boards = [...(first ?? [])].filter((b) => rest.every((s) => s.has(b))).sort();
    return { boardIds: boards.length ? boards : [NO_BOARD], teams, portfolios };
  }

  /** A team of the workspace, or a 404. */
  async team(workspaceId: string, id: string): Promise<TeamEntity> {
    const team = isUuid(id) ? await this.teams.find(workspaceId, id) : null;
    if (!team) throw ApiError.notFound(`no team ${id} in this workspace`);
    return team;
  }

  /** A portfolio of the workspace, or a 404. */
  async portfolio(workspaceId: string, id: string): Promise<PortfolioRecord> {
    const portfolio = isUuid(id) ? await this.portfolios.find(workspaceId, id) : null;
    if (!portfolio) throw ApiError.notFound(`no portfolio ${id} in this workspace`);
    return portfolio;
  }

  private async teamsById(workspaceId: string, ids: readonly string[]): Promise<TeamEntity[]> {
    const unique = [...new Set(ids)];
    const found = await this.teams.findMany(workspaceId, unique.filter(isUuid));
    const missing = unique.find((id) => !found.some((t) => t.id === id));
    if (missing !== undefined) throw ApiError.notFound(`no team ${missing} in this workspace`);
    return unique.map((id) => found.find((t) => t.id === id) as TeamEntity);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (id: string) => UUID.test(id);
