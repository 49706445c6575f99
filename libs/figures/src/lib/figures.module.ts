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
import { CapacityService } from './capacity/capacity.service';
import { FlowMetricsService } from './flow-metrics.service';
import { QueryContextFactory } from './query-context.factory';
import { RiskScopeService } from './risk-scope.service';
import { RiskService } from './risk.service';

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

const SERVICES = [QueryContextFactory, BoardScopeResolver, FlowMetricsService, CapacityService, RiskScopeService, RiskService];

/**
 * The figures every consumer reads the same way: the query API answers them, the alert evaluator
 * compares them. One instance of each query (and one Monte Carlo worker pool) per importing module.
 */
@Module({
  providers: [...SERVICES, ...QUERIES],
  exports: [...SERVICES, ...QUERIES],
})
export class FiguresModule {}
