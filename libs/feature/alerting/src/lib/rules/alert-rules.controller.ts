import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited, auditBefore } from '@flowlens/audit';
import { CurrentPrincipal, type Principal, RequireRole, WorkspaceKeyGuard } from '@flowlens/auth';
import { AlertBacktestService } from '../evaluation/alert-backtest.service';
import { AlertEvaluationService } from '../evaluation/alert-evaluation.service';
import { AlertRulesService } from './alert-rules.service';

const uuid = new ParseUUIDPipe();

@ApiTags('alerts')
@ApiBearerAuth()
@UseGuards(WorkspaceKeyGuard)
@RequireRole('viewer')
@Controller('api/v1/alert-rules')
export class AlertRulesController {
  constructor(
    private readonly rules: AlertRulesService,
    private readonly evaluation: AlertEvaluationService,
    private readonly backtests: AlertBacktestService,
  ) {}

  @Post()
  @HttpCode(201)
  @RequireRole('analyst')
  @Audited('alert-rule')
  @ApiOperation({ summary: 'Create an alert rule (kinds and params as in api.md "Alerts"); defaults filled in' })
  create(@CurrentPrincipal() p: Principal, @Body() body: unknown) {
    return this.rules.create(p.workspaceId, body);
  }

  @Get()
  @ApiOperation({ summary: 'The alert rules of the workspace' })
  async list(@CurrentPrincipal() p: Principal) {
    return { items: await this.rules.list(p.workspaceId) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One alert rule' })
  get(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string) {
    return this.rules.get(p.workspaceId, id);
  }

  @Put(':id')
  @RequireRole('analyst')
  @Audited('alert-rule')
  @ApiOperation({ summary: 'Replace a rule (the whole document); its open alerts carry on under the new condition at the next evaluation' })
  async replace(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: unknown) {
    auditBefore(await this.rules.get(p.workspaceId, id));
    return this.rules.replace(p.workspaceId, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireRole('analyst')
  @Audited('alert-rule')
  @ApiOperation({ summary: 'Delete a rule: nothing more is evaluated or sent; its alerts and deliveries stay as history (open ones close quietly)' })
  async remove(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string): Promise<void> {
    auditBefore(await this.rules.delete(p.workspaceId, id));
  }

  @Post(':id/evaluate')
  @HttpCode(200)
  @RequireRole('analyst')
  @ApiOperation({
    summary: 'Evaluate the rule now (the evaluation the schedule runs): instances pending or firing after it, plus those it resolved',
    description: 'State changes and notifications are written as a scheduled evaluation writes them. A disabled rule answers what it would find and writes and sends nothing.',
  })
  async evaluate(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string) {
    const { instances } = await this.evaluation.evaluate(await this.rules.get(p.workspaceId, id));
    return { instances };
  }

  @Get(':id/backtest')
  @ApiOperation({ summary: "The days the rule would have started firing over a past window (default the 28 days ending today, at most 120), and perWeek" })
  async backtest(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Query() query: Record<string, unknown>) {
    return this.backtests.run(await this.rules.get(p.workspaceId, id), query);
  }
}
