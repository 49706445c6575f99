import { Module } from '@nestjs/common';
import {
  AgingQuery,
  BoardCatalogQuery,
  CfdQuery,
  ElapsedTimeQuery,
  EvaluatedItemsSource,
  FlowDistributionQuery,
  FlowEfficiencyQuery,
  ForecastQuery,
  ItemQuery,
  SprintQuery,
  StageOccupancyQuery,
  FlowFrameworkQuery,
  ThroughputQuery,
} from '@flowlens/metric-queries';
import { ConnectorActivityController } from './connector-activity.controller';
import { FlowMetricsService } from './flow-metrics.service';
import { ForecastController } from './forecast.controller';
import { ItemsController } from './items.controller';
import { MetricsController } from './metrics.controller';
import { QueryContextFactory } from './query-context.factory';
import { WorkflowsController } from './workflows.controller';

const QUERIES = [
  EvaluatedItemsSource,
  ItemQuery,
  ThroughputQuery,
  ElapsedTimeQuery,
  StageOccupancyQuery,
  FlowFrameworkQuery,
  AgingQuery,
  FlowEfficiencyQuery,
  FlowDistributionQuery,
  BoardCatalogQuery,
  CfdQuery,
  SprintQuery,
  ForecastQuery,
];

/** The analyst-facing read API: items, workflow maps, metrics and forecasts. */
@Module({
  controllers: [ItemsController, MetricsController, ForecastController, WorkflowsController, ConnectorActivityController],
  providers: [QueryContextFactory, FlowMetricsService, ...QUERIES],
})
export class QueryApiModule {}
