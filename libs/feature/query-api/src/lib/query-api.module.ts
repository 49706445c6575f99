import { Module } from '@nestjs/common';
import { ItemQuery, ThroughputQuery } from '@flowlens/metric-queries';
import { ItemsController } from './items.controller';
import { MetricsController } from './metrics.controller';
import { QueryContextFactory } from './query-context.factory';
import { WorkflowsController } from './workflows.controller';

/** The analyst-facing read API: items, workflow maps, metrics and forecasts. */
@Module({
  controllers: [ItemsController, MetricsController, WorkflowsController],
  providers: [QueryContextFactory, ItemQuery, ThroughputQuery],
})
export class QueryApiModule {}
