import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, RequireRole, WorkspaceKeyGuard } from '@flowlens/auth';
import { ItemQuery } from '@flowlens/metric-queries';
import { ApiError } from '@flowlens/platform';
import { QueryContextFactory } from '@flowlens/figures';

@ApiTags('items')
@ApiBearerAuth()
@UseGuards(WorkspaceKeyGuard)
@RequireRole('viewer')
@Controller('api/v1/items')
export class ItemsController {
  constructor(
    private readonly contexts: QueryContextFactory,
    private readonly items: ItemQuery,
  ) {}

  @Get(':itemKey/timeline')
  @ApiOperation({ summary: "An item's stages over time: each segment's stage, status, blocked flag and days spent (time in status)" })
  async timeline(@CurrentPrincipal() principal: Principal, @Param('itemKey') itemKey: string, @Query() query: Record<string, unknown>) {
    const ctx = await this.contexts.create(principal, { asOf: query['asOf'] });
    const timeline = await this.items.timeline(ctx, itemKey);
    if (!timeline) throw ApiError.notFound(`no work item ${itemKey}`, 'unknown_item');
    return timeline;
  }

  @Get(':itemKey')
  @ApiOperation({ summary: "A work item's current state (Jira key, Trello short link, or the source's stable id)" })
  async get(@CurrentPrincipal() principal: Principal, @Param('itemKey') itemKey: string, @Query() query: Record<string, unknown>) {
    const ctx = await this.contexts.create(principal, { asOf: query['asOf'] });
    const item = await this.items.find(ctx, itemKey);
    if (!item) throw ApiError.notFound(`no work item ${itemKey}`, 'unknown_item');
    return item;
  }
}
