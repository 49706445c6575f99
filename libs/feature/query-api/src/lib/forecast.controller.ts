import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentPrincipal, type Principal, RequireRole, WorkspaceKeyGuard } from '@flowlens/auth';
import { calendarDateSchema } from '@flowlens/contracts';
import { ForecastPoolBusyError, ForecastQuery } from '@flowlens/metric-queries';
import { addLocalDays, ForecastImpossibleError, localDateOf, MAX_HORIZON_DAYS } from '@flowlens/metrics';
import { ApiError } from '@flowlens/platform';
import { forecastCommon } from './metrics.controller';
import { PortfolioForecastService } from './portfolio-forecast.service';
import { parseOrThrow, QueryContextFactory } from '@flowlens/figures';

type Q = Record<string, unknown>;

@ApiTags('forecast')
@ApiBearerAuth()
@UseGuards(WorkspaceKeyGuard)
@RequireRole('viewer')
@Controller('api/v1/forecast')
export class ForecastController {
  constructor(
    private readonly contexts: QueryContextFactory,
    private readonly forecasts: ForecastQuery,
    private readonly portfolios: PortfolioForecastService,
  ) {}

  @Get('how-many')
  @ApiQuery({ name: 'by', required: true, description: 'YYYY-MM-DD, after asOf' })
  @ApiQuery({ name: 'trials', required: false })
  @ApiQuery({ name: 'seed', required: false })
  @ApiQuery({ name: 'window', required: false, description: 'days of throughput history (default 90)' })
  @ApiOperation({ summary: 'Monte Carlo: how many items will be done by a date (p50, p85 = reached in 85% of trials, p95)' })
  async howMany(@CurrentPrincipal() p: Principal, @Query() q: Q) {
    const input = parseOrThrow(forecastCommon.extend({ by: calendarDateSchema }), q);
    const ctx = await this.contexts.create(p, filterOnly(q));
    const asOfDate = localDateOf(ctx.asOf, ctx.timezone);
    if (input.by <= asOfDate) throw ApiError.badRequest('by must be after asOf', [{ path: 'by', message: `${input.by} is not after the forecast date` }]);
    const furthest = addLocalDays(asOfDate, MAX_HORIZON_DAYS);
    if (input.by > furthest) {
      throw ApiError.badRequest(`by may be at most ${MAX_HORIZON_DAYS} days after asOf`, [{ path: 'by', message: `${input.by} is after ${furthest}, ${MAX_HORIZON_DAYS} days after ${asOfDate}` }]);
    }
    const options = { trials: input.trials, seed: input.seed ?? randomSeed(), window: input.window };
    if (q['portfolioId'] !== undefined) return forecastErrors(() => this.portfolios.howMany(p, filterOnly(q), input.by, daysBetween(asOfDate, input.by), options));
    return forecastErrors(() => this.forecasts.howMany(ctx, input.by, options));
  }

  @Get('when')
  @ApiQuery({ name: 'items', required: true })
  @ApiQuery({ name: 'trials', required: false })
  @ApiQuery({ name: 'seed', required: false })
  @ApiQuery({ name: 'window', required: false })
  @ApiQuery({ name: 'teamItems', required: false, description: 'with portfolioId: items per team, `teamId:n,teamId:n` (default: N split by remaining items)' })
  @ApiOperation({ summary: 'Monte Carlo: when will N items be done (dates at p50, p85, p95); per team and combined for a portfolioId' })
  async when(@CurrentPrincipal() p: Principal, @Query() q: Q) {
    const input = parseOrThrow(forecastCommon.extend({ items: z.coerce.number().int().min(1).max(100_000), teamItems: teamItemsSchema }), q);
    const ctx = await this.contexts.create(p, filterOnly(q));
    const options = { trials: input.trials, seed: input.seed ?? randomSeed(), window: input.window };
    if (q['portfolioId'] !== undefined) return forecastErrors(() => this.portfolios.when(p, filterOnly(q), input.items, input.teamItems, options));
    return forecastErrors(() => this.forecasts.when(ctx, input.items, options));
  }
}

/** A history that cannot support a forecast is 422; a full forecast queue is 503 (retry later). */
async function forecastErrors<R>(run: () => Promise<R>): Promise<R> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ForecastImpossibleError) throw ApiError.unprocessable(error.message, 'forecast_impossible');
    if (error instanceof ForecastPoolBusyError) throw ApiError.unavailable(error.message, 'forecasts_busy');
    throw error;
  }
}

/** The forecast takes the common filters and asOf, but not a date window (history is `window`). */
function filterOnly(q: Q): Q {
  const { boardId, type, team, teamId, portfolioId, asOf } = q;
  return { boardId, type, team, teamId, portfolioId, asOf };
}

/** `teamId:n,teamId:n` (or repeated) -> counts per team. */
const teamItemsSchema = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v, ctx) => {
    if (v === undefined) return null;
    const counts = new Map<string, number>();
    for (const entry of (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).filter((s) => s.trim() !== '')) {
      const match = /^\s*([^:\s]+)\s*:\s*(\d+)\s*$/.exec(entry);
      if (!match) ctx.addIssue({ code: 'custom', message: `${entry} is not teamId:count` });
      else counts.set(match[1] as string, (counts.get(match[1] as string) ?? 0) + Number(match[2]));
    }
    return counts;
  });

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

function randomSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}
