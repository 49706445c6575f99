import { Module } from '@nestjs/common';
import {
  AgingQuery,
  BoardCatalogQuery,
  CapacityQuery,
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
  RiskInputQuery,
} from '@flowlens/metric-queries';
import { BoardScopeResolver } from '@flowlens/board-scope';
import { CapacityController } from './capacity/capacity.controller';
import { CapacityService } from './capacity/capacity.service';
import { FlowMetricsService } from './flow-metrics.service';
import { ForecastController } from './forecast.controller';
import { ItemsController } from './items.controller';
import { MetricsController } from './metrics.controller';
import { PortfoliosController } from './organisation/portfolios.controller';
import { TeamsController } from './organisation/teams.controller';
import { PortfolioForecastService } from './portfolio-forecast.service';
import { QueryContextFactory } from './query-context.factory';
import { RiskRegisterController } from './risk-register.controller';
import { RiskRegisterService } from './risk-register.service';
import { RiskScopeService } from './risk-scope.service';
import { RiskController } from './risk.controller';
import { RiskService } from './risk.service';
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
  CapacityQuery,
  RiskInputQuery,
];

/** The analyst-facing API: items, workflow maps, metrics and forecasts, teams and portfolios, capacity. */
@Module({
  controllers: [ItemsController, MetricsController, ForecastController, WorkflowsController, TeamsController, PortfoliosController, CapacityController, RiskController, RiskRegisterController],
  providers: [QueryContextFactory, BoardScopeResolver, FlowMetricsService, CapacityService, PortfolioForecastService, RiskScopeService, RiskService, RiskRegisterService, ...QUERIES],
})
export class QueryApiModule {}
