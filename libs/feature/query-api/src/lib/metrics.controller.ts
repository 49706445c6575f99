import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentPrincipal, type Principal, RequireRole, WorkspaceKeyGuard } from '@flowlens/auth';
import { SprintQuery, ThroughputQuery } from '@flowlens/metric-queries';
import { FlowMetricsService, intervalSchema, parseOrThrow, QueryContextFactory } from '@flowlens/figures';

type Q = Record<string, unknown>;
const ARRAYS = new Set(['boardId', 'type', 'team', 'teamId', 'portfolioId']);
const COMMON = ['from', 'to', 'boardId', 'type', 'team', 'teamId', 'portfolioId', 'asOf'];
/** Documents the common metric query parameters (api.md) on an endpoint. */
export const CommonQuery = (): MethodDecorator => (target, key, descriptor) => {
  for (const name of COMMON) ApiQuery({ name, required: false, isArray: ARRAYS.has(name) })(target, key, descriptor);
};

@ApiTags('metrics')
@ApiBearerAuth()
@UseGuards(WorkspaceKeyGuard)
@RequireRole('viewer')
@Controller('api/v1/metrics')
export class MetricsController {
  constructor(
    private readonly contexts: QueryContextFactory,
    private readonly throughputQuery: ThroughputQuery,
    private readonly flow: FlowMetricsService,
    private readonly sprintQuery: SprintQuery,
  ) {}

  @Get('throughput')
  @CommonQuery()
  @ApiQuery({ name: 'interval', enum: ['day', 'week'], required: false })
  @ApiOperation({ summary: 'Items whose doneAt falls in each day or week (workspace time zone)' })
  async throughput(@CurrentPrincipal() p: Principal, @Query() q: Q) {
    const { interval } = parseOrThrow(intervalSchema, { interval: q['interval'] });
    return this.throughputQuery.run(await this.contexts.create(p, q), interval);
  }

  @Get('cycle-time')
  @CommonQuery()
  @ApiQuery({ name: 'limit', required: false, description: 'most items listed (the latest done; default 5000); percentiles always cover all' })
  @ApiOperation({ summary: 'Cycle time (doneAt - startedAt, days) of items done in the window: exact percentiles and the items' })
  async cycleTime(@CurrentPrincipal() p: Principal, @Query() q: Q) {
    const { limit } = parseOrThrow(limitSchema, { limit: q['limit'] });
    return this.flow.elapsedTime(await this.contexts.create(p, q), 'cycle', limit);
  }

  @Get('lead-time')
  @CommonQuery()
  @ApiQuery({ name: 'limit', required: false, description: 'most items listed (the latest done; default 5000)' })
  @ApiOperation({ summary: 'Lead time (doneAt - createdAt, days) of items done in the window' })
  async leadTime(@CurrentPrincipal() p: Principal, @Query() q: Q) {
    const { limit } = parseOrThrow(limitSchema, { limit: q['limit'] });
    return this.flow.elapsedTime(await this.contexts.create(p, q), 'lead', limit);
  }

  @Get('wip')
  @CommonQuery()
  @ApiQuery({ name: 'interval', enum: ['day', 'week'], required: false })
  @ApiOperation({ summary: 'Items in an active or wait stage at the end of each day (or week)' })
  async wip(@CurrentPrincipal() p: Principal, @Query() q: Q) {
    const { interval } = parseOrThrow(intervalSchema, { interval: q['interval'] });
    return this.flow.wip(await this.contexts.create(p, q), interval);
  }

  @Get('aging')
  @CommonQuery()
  @ApiQuery({ name: 'limit', required: false, description: 'most items listed (the oldest first; default 5000); itemsTotal counts them all' })
  @ApiOperation({ summary: 'Items in progress at the end of `to` with their age, and the cycle-time percentiles of the window' })
  async aging(@CurrentPrincipal() p: Principal, @Query() q: Q) {
    const { limit } = parseOrThrow(limitSchema, { limit: q['limit'] });
    return this.flow.aging(await this.contexts.create(p, q), limit);
  }

  @Get('cfd')
  @CommonQuery()
  @ApiOperation({ summary: 'Cumulative flow: items per stage at the end of each day' })
  async cfd(@CurrentPrincipal() p: Principal, @Query() q: Q) {
    return this.flow.cfd.run(await this.contexts.create(p, q));
  }

  @Get('flow-efficiency')
  @CommonQuery()
  @ApiOperation({ summary: 'Σ active / Σ (active + wait) time of items done in the window' })
  async flowEfficiency(@CurrentPrincipal() p: Principal, @Query() q: Q) {
    return this.flow.efficiency(await this.contexts.create(p, q));
  }

  @Get('flow-distribution')
  @CommonQuery()
  @ApiOperation({ summary: 'Share of items done in the window per flow type (feature, defect, risk, debt, other)' })
  async flowDistribution(@CurrentPrincipal() p: Principal, @Query() q: Q) {
    return this.flow.distribution(await this.contexts.create(p, q));
  }

  @Get('flow-framework')
  @CommonQuery()
  @ApiOperation({ summary: 'Flow Framework: velocity, time, load, efficiency and distribution of the window' })
  async flowFramework(@CurrentPrincipal() p: Principal, @Query() q: Q) {
    return this.flow.flowFramework(await this.contexts.create(p, q));
  }

  @Get('littles-law')
  @CommonQuery()
  @ApiOperation({ summary: "Little's Law check: average WIP / average throughput vs average cycle time (a diagnostic)" })
  async littlesLaw(@CurrentPrincipal() p: Principal, @Query() q: Q) {
    return this.flow.littlesLaw(await this.contexts.create(p, q));
  }

  @Get('sprints')
  @CommonQuery()
  @ApiOperation({ summary: 'Sprint predictability (done by close / committed at start) and scope added or removed after start' })
  async sprints(@CurrentPrincipal() p: Principal, @Query() q: Q) {
    return { items: await this.sprintQuery.run(await this.contexts.create(p, q)) };
  }
}

const limitSchema = z.object({ limit: z.coerce.number().int().min(0).max(1_000_000).default(5000) });

export const forecastCommon = z.object({
  trials: z.coerce.number().int().min(1).max(100_000).default(10_000),
  seed: z.coerce.number().int().min(0).max(2 ** 31 - 1).optional(),
  window: z.coerce.number().int().min(1).max(730).default(90),
});
