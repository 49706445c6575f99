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
  MonteCarloPool,
  SprintQuery,
  StageOccupancyQuery,
  FlowFrameworkQuery,
  ThroughputQuery,
} from '@flowlens/metric-queries';
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
  MonteCarloPool,
  ForecastQuery,
];

/** The analyst-facing read API: items, workflow maps, metrics and forecasts. */
@Module({
  controllers: [ItemsController, MetricsController, ForecastController, WorkflowsController],
  providers: [QueryContextFactory, FlowMetricsService, ...QUERIES],
})
export class QueryApiModule {}
