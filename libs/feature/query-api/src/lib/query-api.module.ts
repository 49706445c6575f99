import { Module } from '@nestjs/common';
import { FiguresModule } from '@flowlens/figures';
import { CapacityController } from './capacity/capacity.controller';
import { ConnectorActivityController } from './connector-activity.controller';
import { ForecastController } from './forecast.controller';
import { ItemsController } from './items.controller';
import { MetricsController } from './metrics.controller';
import { PortfoliosController } from './organisation/portfolios.controller';
import { TeamsController } from './organisation/teams.controller';
import { PortfolioForecastService } from './portfolio-forecast.service';
import { RiskRegisterController } from './risk-register.controller';
import { RiskRegisterService } from './risk-register.service';
import { RiskController } from './risk.controller';
import { WorkflowsController } from './workflows.controller';

/** The analyst-facing API: items, workflow maps, metrics and forecasts, teams and portfolios, capacity. */
@Module({
  imports: [FiguresModule],
  controllers: [ItemsController, MetricsController, ForecastController, WorkflowsController, TeamsController, PortfoliosController, CapacityController, RiskController, RiskRegisterController, ConnectorActivityController],
  providers: [PortfolioForecastService, RiskRegisterService],
})
export class QueryApiModule {}
