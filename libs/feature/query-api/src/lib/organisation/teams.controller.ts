import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, RequireRole, WorkspaceKeyGuard } from '@flowlens/auth';
import { BoardScopeResolver } from '@flowlens/board-scope';
import { teamSchema } from '@flowlens/capacity';
import { TeamRepository } from '@flowlens/persistence';
import { ApiError } from '@flowlens/platform';
import { asBadRequest, parseBody, teamView } from './organisation.views';

const TEAM_BODY = {
  description: 'metrics.md "Organisation": { name, boardIds, members: [{ name, accountId?, fte, from?, to? }], workingDays?, holidays?, absences?: [{ member, from, to, fraction? }], focusFactor?, costPerFteDay?, currency?, targetMix? }',
  schema: { type: 'object' },
};

@ApiTags('organisation')
@ApiBearerAuth()
@UseGuards(WorkspaceKeyGuard)
@RequireRole('viewer')
@Controller('api/v1/teams')
export class TeamsController {
  constructor(
    private readonly teams: TeamRepository,
    private readonly scopes: BoardScopeResolver,
  ) {}

  @Post()
  @HttpCode(201)
  @RequireRole('analyst')
  @ApiBody(TEAM_BODY)
  @ApiOperation({ summary: 'Create a team (its boards, members, calendar, cost rate, target mix); a board belongs to one team at most' })
  async create(@CurrentPrincipal() p: Principal, @Body() body: unknown) {
    const doc = parseBody(teamSchema, body);
    return teamView(await asBadRequest(() => this.teams.create(p.workspaceId, doc)));
  }

  @Get()
  @ApiOperation({ summary: "The workspace's teams" })
  async list(@CurrentPrincipal() p: Principal) {
    return { items: (await this.teams.list(p.workspaceId)).map(teamView) };
  }

  @Get(':id')
  async get(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return teamView(await this.scopes.team(p.workspaceId, id));
  }

  @Put(':id')
  @RequireRole('analyst')
  @ApiBody(TEAM_BODY)
  @ApiOperation({ summary: 'Replace a team (the whole document); figures use it at once' })
  async replace(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: unknown) {
    await this.scopes.team(p.workspaceId, id);
    const doc = parseBody(teamSchema, body);
    const saved = await asBadRequest(() => this.teams.replace(p.workspaceId, id, doc));
    if (!saved) throw ApiError.notFound(`no team ${id} in this workspace`);
    return teamView(saved);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireRole('analyst')
  @ApiOperation({ summary: 'Delete a team (it leaves its portfolios)' })
  async remove(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    await this.scopes.team(p.workspaceId, id);
    await this.teams.delete(p.workspaceId, id);
  }
}
