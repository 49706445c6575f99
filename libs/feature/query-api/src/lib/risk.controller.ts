import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, RequireRole, WorkspaceKeyGuard } from '@flowlens/auth';
import { parseOrThrow, deliveryQuerySchema, RiskService } from '@flowlens/figures';
import { jsonFile } from './json-file';

type Q = Record<string, unknown>;
const SCOPE = ['asOf', 'boardId', 'teamId', 'portfolioId', 'threshold', 'sleWindow'];
const ScopeQuery = (extra: readonly string[] = []): MethodDecorator => (target, key, descriptor) => {
  for (const name of [...SCOPE, ...extra]) ApiQuery({ name, required: false })(target, key, descriptor);
};

@ApiTags('risk')
@ApiBearerAuth()
@UseGuards(WorkspaceKeyGuard)
@RequireRole('viewer')
@Controller('api/v1')
export class RiskController {
  constructor(private readonly risks: RiskService) {}

  @Get('risk/items')
  @ScopeQuery()
  @ApiOperation({ summary: 'Items with a risk signal at asOf: aging beyond the SLE (with pace), blocked (spell length), due date at risk, open dependency' })
  async items(@CurrentPrincipal() p: Principal, @Query() q: Q) {
    return jsonFile(JSON.stringify(this.risks.items(await this.risks.evaluate(p, q))));
  }

  @Get('risk/releases')
  @ScopeQuery(['trials', 'seed', 'window'])
  @ApiOperation({ summary: 'Unreleased releases: Monte Carlo across the boards holding remaining items (p50/p85/p95, P(on time))' })
  async releases(@CurrentPrincipal() p: Principal, @Query() q: Q) {
    const e = await this.risks.evaluate(p, q, { window: historyWindow(q) });
    return { asOf: new Date(e.ctx.asOf).toISOString(), items: (await this.risks.deliveries(e, q)).releases };
  }

  @Get('risk/epics')
  @ScopeQuery(['trials', 'seed', 'window'])
  @ApiOperation({ summary: 'Open epics: Monte Carlo across the boards holding their remaining children, against the epic due date' })
  async epics(@CurrentPrincipal() p: Principal, @Query() q: Q) {
    const e = await this.risks.evaluate(p, q, { window: historyWindow(q) });
    return { asOf: new Date(e.ctx.asOf).toISOString(), items: (await this.risks.deliveries(e, q)).epics };
  }

  @Get('risk/dependencies')
  @ScopeQuery()
  @ApiOperation({ summary: 'Dependency ledger from issue links: every link whose dependent is not done, open while the blocker is not done' })
  async dependencies(@CurrentPrincipal() p: Principal, @Query() q: Q) {
    return this.risks.dependencies(await this.risks.evaluate(p, q));
  }

  @Get('risk/concentration')
  @ScopeQuery(['from', 'to'])
  @ApiOperation({ summary: 'Share of done work by the top assignee and the people doing 80%, per board' })
  async concentration(@CurrentPrincipal() p: Principal, @Query() q: Q) {
    return this.risks.concentration(await this.risks.evaluate(p, q));
  }

  @Get('quality')
  @ScopeQuery(['from', 'to', 'interval'])
  @ApiOperation({ summary: 'Reopen rate, defect share and defect net flow over [from, to]; interval=week adds each week\'s' })
  async quality(@CurrentPrincipal() p: Principal, @Query() q: Q) {
    return this.risks.quality(await this.risks.evaluate(p, q), q);
  }

  @Get('risk/summary')
  @ScopeQuery(['by', 'trials', 'seed', 'window'])
  @ApiOperation({ summary: 'Roll-up per board, team or portfolio: counts of each signal and a level low/medium/high with its reasons' })
  async summary(@CurrentPrincipal() p: Principal, @Query() q: Q) {
    return this.risks.summary(await this.risks.evaluate(p, q, { window: historyWindow(q) }), q);
  }
}

/** The forecasts' history window, validated before it sizes the input to load. */
function historyWindow(q: Record<string, unknown>): number {
  return parseOrThrow(deliveryQuerySchema.pick({ window: true }), { window: q['window'] }).window;
}
