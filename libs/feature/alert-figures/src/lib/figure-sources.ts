import { Injectable } from '@nestjs/common';
import { BoardScopeResolver } from '@flowlens/board-scope';
import { CapacityService, FlowMetricsService, QueryContextFactory, RiskService } from '@flowlens/figures';
import { BoardCatalogQuery, CapacityQuery, ElapsedTimeQuery, FlowEfficiencyQuery, StageOccupancyQuery, ThroughputQuery } from '@flowlens/metric-queries';
import { DeadLetterRepository, WorkflowMapRepository, WorkspaceRepository } from '@flowlens/persistence';

/** The figure services one evaluation cycle reads: the same instances the query API answers from. */
@Injectable()
export class FigureSources {
  constructor(
    readonly workspaces: WorkspaceRepository,
    readonly maps: WorkflowMapRepository,
    readonly scopes: BoardScopeResolver,
    readonly contexts: QueryContextFactory,
    readonly catalog: BoardCatalogQuery,
    readonly occupancy: StageOccupancyQuery,
    readonly throughput: ThroughputQuery,
    readonly flow: FlowMetricsService,
    readonly capacity: CapacityService,
    readonly risk: RiskService,
    readonly capacityCounts: CapacityQuery,
    readonly elapsed: ElapsedTimeQuery,
    readonly efficiency: FlowEfficiencyQuery,
    readonly deadLetters: DeadLetterRepository,
  ) {}
}
