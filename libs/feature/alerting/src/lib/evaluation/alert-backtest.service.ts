import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { ALERT_OBSERVER, type AlertObserver, type AlertRule, backtest, type BacktestResult } from '@flowlens/alerting';
import { calendarDateSchema } from '@flowlens/contracts';
import { addLocalDays, endOfLocalDay, localDateOf } from '@flowlens/metrics';
import { WorkspaceRepository } from '@flowlens/persistence';
import { ApiError } from '@flowlens/platform';
import { parseInput } from '../parse-input';

/** At most this many days per back-test: each day is one evaluation of the rule at a past instant. */
export const MAX_BACKTEST_DAYS = 120;
export const DEFAULT_BACKTEST_DAYS = 28;

const backtestQuerySchema = z.strictObject({ from: calendarDateSchema.optional(), to: calendarDateSchema.optional() });

/**
 * A rule's would-have-fired days (metrics.md "Back-test"): the rule evaluated at the end of the day
 * before `from` and of every day of [from, to] (the last one: now, when `to` is today), from the
 * events known now; `forMinutes` and `repeatHours` play no part. Defaults: the 28 days ending today.
 */
@Injectable()
export class AlertBacktestService {
  constructor(
    @Inject(ALERT_OBSERVER) private readonly observer: AlertObserver,
    private readonly workspaces: WorkspaceRepository,
  ) {}

  async run(rule: AlertRule, query: unknown): Promise<BacktestResult & { from: string; to: string }> {
    const window = parseInput(backtestQuerySchema, query, 'the back-test query is not valid', 'invalid_query');
    const now = Date.now();
    const timezone = (await this.workspaces.findById(rule.workspaceId))?.timezone ?? 'UTC';
    const today = localDateOf(now, timezone);
    const to = window.to ?? today;
    const from = window.from ?? addLocalDays(to, -(DEFAULT_BACKTEST_DAYS - 1));
    if (from > to) throw ApiError.badRequest('from must not be after to', [{ path: 'from', message: `${from} is after ${to}` }], 'invalid_query');
    if (to > today) throw ApiError.badRequest('a back-test covers past days: to must not be after today', [{ path: 'to', message: `${to} is after ${today}` }], 'invalid_query');
    if (addLocalDays(from, MAX_BACKTEST_DAYS - 1) < to) {
      throw ApiError.badRequest(`a back-test may span at most ${MAX_BACKTEST_DAYS} days`, [{ path: 'from', message: `${from}..${to} is longer` }], 'invalid_query');
    }
    const dates: string[] = [];
    for (let date = addLocalDays(from, -1); date <= to; date = addLocalDays(date, 1)) dates.push(date);
    const instants = dates.map((date) => Math.min(endOfLocalDay(date, timezone) - 1, now));
    const observed = this.observer.observeSeries ? await this.observer.observeSeries(rule, instants) : await sequentially(instants, (at) => this.observer.observe(rule, at));
    return { from, to, ...backtest(dates.map((date, i) => ({ date, observations: observed[i] ?? [] }))) };
  }
}

async function sequentially<T, R>(values: readonly T[], run: (value: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (const value of values) out.push(await run(value));
  return out;
}
