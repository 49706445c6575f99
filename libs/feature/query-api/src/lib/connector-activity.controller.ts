import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClickHouseStore, TABLES } from '@flowlens/clickhouse';
import { CurrentPrincipal, type Principal, RequireRole, WorkspaceKeyGuard } from '@flowlens/auth';

interface ActivityRow {
  connector_id: string;
  deliveries: string;
  accepted: string;
  ignored: string;
  dead_lettered: string;
  last_at: string;
  last_outcome: string;
}

@ApiTags('connectors')
@ApiBearerAuth()
@UseGuards(WorkspaceKeyGuard)
@RequireRole('admin')
@Controller('api/v1/connectors/activity')
export class ConnectorActivityController {
  constructor(private readonly store: ClickHouseStore) {}

  @Get()
  @ApiOperation({ summary: "Each connector's deliveries so far by outcome, and its last delivery (what the projector has written)" })
  async activity(@CurrentPrincipal() principal: Principal) {
    const rows = await this.store.query<ActivityRow>(
      `SELECT connector_id,
              uniqExact(delivery_id) AS deliveries,
              uniqExactIf(delivery_id, outcome = 'accepted') AS accepted,
              uniqExactIf(delivery_id, outcome = 'ignored') AS ignored,
              uniqExactIf(delivery_id, outcome = 'dead-lettered') AS dead_lettered,
              toUnixTimestamp64Milli(max(received_at)) AS last_at,
              argMax(outcome, received_at) AS last_outcome
       FROM ${this.store.table(TABLES.rawWebhooks)}
       WHERE workspace_id = {workspaceId:String}
       GROUP BY connector_id`,
      { workspaceId: principal.workspaceId },
    );
    return {
      items: rows.map((r) => ({
        connectorId: r.connector_id,
        deliveries: Number(r.deliveries),
        accepted: Number(r.accepted),
        ignored: Number(r.ignored),
        deadLettered: Number(r.dead_lettered),
        lastDelivery: { at: new Date(Number(r.last_at)).toISOString(), outcome: r.last_outcome },
      })),
    };
  }
}
