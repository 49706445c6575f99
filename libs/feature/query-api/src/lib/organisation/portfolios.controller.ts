import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, RequireRole, WorkspaceKeyGuard } from '@flowlens/auth';
import { BoardScopeResolver } from '@flowlens/board-scope';
import { portfolioSchema } from '@flowlens/capacity';
import { PortfolioRepository } from '@flowlens/persistence';
import { ApiError } from '@flowlens/platform';
import { asBadRequest, parseBody, portfolioView } from './organisation.views';

const PORTFOLIO_BODY = { description: '{ name, teamIds: [..], boardIds?: [..], owners?: [e-mail] }', schema: { type: 'object' } };

@ApiTags('organisation')
@ApiBearerAuth()
@UseGuards(WorkspaceKeyGuard)
@RequireRole('viewer')
@Controller('api/v1/portfolios')
export class PortfoliosController {
  constructor(
    private readonly portfolios: PortfolioRepository,
    private readonly scopes: BoardScopeResolver,
  ) {}

  @Post()
  @HttpCode(201)
  @RequireRole('analyst')
  @ApiBody(PORTFOLIO_BODY)
  @ApiOperation({ summary: 'Create a portfolio of teams and boards, with its owners' })
  async create(@CurrentPrincipal() p: Principal, @Body() body: unknown) {
    const doc = parseBody(portfolioSchema, body);
    return portfolioView(await asBadRequest(() => this.portfolios.create(p.workspaceId, doc)));
  }

  @Get()
  @ApiOperation({ summary: "The workspace's portfolios" })
  async list(@CurrentPrincipal() p: Principal) {
    return { items: (await this.portfolios.list(p.workspaceId)).map(portfolioView) };
  }

  @Get(':id')
  async get(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return portfolioView(await this.scopes.portfolio(p.workspaceId, id));
  }

  @Put(':id')
  @RequireRole('analyst')
  @ApiBody(PORTFOLIO_BODY)
  @ApiOperation({ summary: 'Replace a portfolio (the whole document)' })
  async replace(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: unknown) {
    await this.scopes.portfolio(p.workspaceId, id);
    const doc = parseBody(portfolioSchema, body);
    const saved = await asBadRequest(() => this.portfolios.replace(p.workspaceId, id, doc));
    if (!saved) throw ApiError.notFound(`no portfolio ${id} in this workspace`);
    return portfolioView(saved);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireRole('analyst')
  async remove(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    await this.scopes.portfolio(p.workspaceId, id);
    await this.portfolios.delete(p.workspaceId, id);
  }
}
