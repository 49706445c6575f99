import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentPrincipal, type Principal, WorkspaceKeyGuard } from '@flowlens/auth';
import { calendarDateSchema } from '@flowlens/contracts';
import { ForecastPoolBusyError, ForecastQuery } from '@flowlens/metric-queries';
import { addLocalDays, ForecastImpossibleError, localDateOf, MAX_HORIZON_DAYS } from '@flowlens/metrics';
import { ApiError } from '@flowlens/platform';
import { forecastCommon } from './metrics.controller';
import { parseOrThrow, QueryContextFactory } from './query-context.factory';

type Q = Record<string, unknown>;

@ApiTags('forecast')
@ApiBearerAuth()
@UseGuards(WorkspaceKeyGuard)
@Controller('api/v1/forecast')
export class ForecastController {
  constructor(
    private readonly contexts: QueryContextFactory,
    private readonly forecasts: ForecastQuery,
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
    return forecastErrors(() => this.forecasts.howMany(ctx, input.by, { trials: input.trials, seed: input.seed ?? randomSeed(), window: input.window }));
  }

  @Get('when')
  @ApiQuery({ name: 'items', required: true })
  @ApiQuery({ name: 'trials', required: false })
  @ApiQuery({ name: 'seed', required: false })
  @ApiQuery({ name: 'window', required: false })
  @ApiOperation({ summary: 'Monte Carlo: when will N items be done (dates at p50, p85, p95)' })
  async when(@CurrentPrincipal() p: Principal, @Query() q: Q) {
    const input = parseOrThrow(forecastCommon.extend({ items: z.coerce.number().int().min(1).max(100_000) }), q);
    const ctx = await this.contexts.create(p, filterOnly(q));
    return forecastErrors(() => this.forecasts.when(ctx, input.items, { trials: input.trials, seed: input.seed ?? randomSeed(), window: input.window }));
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
  const { boardId, type, team, asOf } = q;
  return { boardId, type, team, asOf };
}

function randomSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}
