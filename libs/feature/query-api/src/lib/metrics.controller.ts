import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, WorkspaceKeyGuard } from '@flowlens/auth';
import { ThroughputQuery } from '@flowlens/metric-queries';
import { intervalSchema } from './metric-query.schema';
import { parseOrThrow, QueryContextFactory } from './query-context.factory';

const COMMON = ['from', 'to', 'boardId', 'type', 'team', 'asOf'] as const;
const CommonQuery = () => (target: object, key: string | symbol, descriptor: PropertyDescriptor) => {
  for (const name of COMMON) ApiQuery({ name, required: false, isArray: ['boardId', 'type', 'team'].includes(name) })(target, key, descriptor);
};

@ApiTags('metrics')
@ApiBearerAuth()
@UseGuards(WorkspaceKeyGuard)
@Controller('api/v1/metrics')
export class MetricsController {
  constructor(
    private readonly contexts: QueryContextFactory,
    private readonly throughputQuery: ThroughputQuery,
  ) {}

  @Get('throughput')
  @CommonQuery()
  @ApiQuery({ name: 'interval', enum: ['day', 'week'], required: false })
  @ApiOperation({ summary: 'Items whose doneAt falls in each day or week (workspace time zone)' })
  async throughput(@CurrentPrincipal() principal: Principal, @Query() query: Record<string, unknown>) {
    const { interval } = parseOrThrow(intervalSchema, { interval: query['interval'] });
    return this.throughputQuery.run(await this.contexts.create(principal, query), interval);
  }
}
