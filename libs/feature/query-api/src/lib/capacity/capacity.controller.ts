import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, RequireRole, WorkspaceKeyGuard } from '@flowlens/auth';
import { CommonQuery } from '../metrics.controller';
import { CapacityService } from '@flowlens/figures';

type Q = Record<string, unknown>;

@ApiTags('capacity')
@ApiBearerAuth()
@UseGuards(WorkspaceKeyGuard)
@RequireRole('viewer')
@Controller('api/v1/capacity')
export class CapacityController {
  constructor(private readonly capacity: CapacityService) {}

  @Get()
  @CommonQuery()
  @ApiQuery({ name: 'interval', enum: ['week', 'day'], required: false, description: 'default week' })
  @ApiOperation({ summary: 'Capacity (FTE-days) against arrivals, created and throughput; net flow, delivery rate, load per FTE, backlog weeks (one teamId or one portfolioId)' })
  figures(@CurrentPrincipal() p: Principal, @Query() q: Q) {
    return this.capacity.figures(p, q);
  }

  @Get('allocation')
  @CommonQuery()
  @ApiOperation({ summary: 'Share of the active time inside the window per flow type, against the team’s target mix' })
  allocation(@CurrentPrincipal() p: Principal, @Query() q: Q) {
    return this.capacity.allocation(p, q);
  }

  @Get('cost')
  @CommonQuery()
  @ApiQuery({ name: 'interval', enum: ['week', 'day'], required: false, description: 'default week' })
  @ApiOperation({ summary: 'Flow cost per bucket and per flow type, and cost per item done (422 without a cost rate, or with several currencies)' })
  cost(@CurrentPrincipal() p: Principal, @Query() q: Q) {
    return this.capacity.cost(p, q);
  }
}
