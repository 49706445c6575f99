import { Injectable } from '@nestjs/common';
import type { Principal } from '@flowlens/auth';
import { CapacityService, FlowMetricsService, QueryContextFactory, RiskService, type RiskEvaluation } from '@flowlens/figures';
import { ThroughputQuery } from '@flowlens/metric-queries';
import { computeItemRisks, throughputHistories } from '@flowlens/metrics';
import type { DigestForecastInput, DigestRisk, FlowFigureKey, WeeklyFigure } from './content/digest-content';
import type { LocalWeek } from './content/digest-week';
import type { ForecastSnapshot } from './content/forecast-change';

/** The forecasts' history window (the risk endpoints' default). */
const FORECAST_WINDOW_DAYS = 90;
const LEVELS = ['low', 'medium', 'high'] as const;

/** A figure request on behalf of a digest: read-only, as a viewer of its workspace. */
export const digestPrincipal = (workspaceId: string): Principal => ({ workspaceId, role: 'viewer', keyId: 'digest', keyName: 'digest' });

/**
 * The instant parameters of a forecast at `ms`: none at (or after) the present, which the risk
 * endpoints refuse as future; a past instant as everything known now tells it (hindsight, as the
 * back-test reads the past), so an event that arrived late counts as the change it was.
 */
function instantParams(ms: number): { asOf?: string; knownAt?: string } {
  const now = Date.now();
  return ms < now ? { asOf: new Date(ms).toISOString(), knownAt: new Date(now).toISOString() } : {};
}

/**
 * Reads what a digest shows through FiguresModule, each figure exactly as its endpoint answers it
 * for one week (docs/alerting.md "Digests" lists the endpoint of each).
 */
@Injectable()
export class DigestFiguresService {
  constructor(
    private readonly contexts: QueryContextFactory,
    private readonly throughput: ThroughputQuery,
    private readonly flow: FlowMetricsService,
    private readonly capacity: CapacityService,
    private readonly risks: RiskService,
  ) {}

  /** Each flow and capacity figure for `week` and for each of `previous`. */
  async weekly(p: Principal, portfolioId: string | null, week: LocalWeek, previous: readonly LocalWeek[]): Promise<WeeklyFigure[]> {
    const values = await Promise.all([week, ...previous].map((w) => this.weekFigures(p, portfolioId, w)));
    const [current, ...before] = values as [Map<FlowFigureKey, number | null>, ...Array<Map<FlowFigureKey, number | null>>];
    return [...current.keys()].map((key) => ({ key, week: current.get(key) ?? null, previous: before.map((b) => b.get(key) ?? null) }));
  }

  private async weekFigures(p: Principal, portfolioId: string | null, week: LocalWeek): Promise<Map<FlowFigureKey, number | null>> {
    const q = { from: week.from, to: week.to, ...(portfolioId ? { portfolioId } : {}) };
    const ctx = await this.contexts.create(p, q);
    const [throughput, cycle, wip, efficiency, capacity] = await Promise.all([
      this.throughput.run(ctx, 'week'),
      this.flow.elapsedTime(ctx, 'cycle', 0),
      this.flow.wip(ctx, 'day'),
      this.flow.efficiency(ctx),
      // Capacity is figured for a team or a portfolio only (api.md "Capacity").
      portfolioId ? this.capacity.figures(p, { ...q, interval: 'week' }) : null,
    ]);
    return new Map<FlowFigureKey, number | null>([
      ['throughput', throughput.total],
      ['cycle-time.p85', cycle.p85],
      ['wip', wip.series.at(-1)?.wip ?? null],
      ['flow-efficiency', efficiency.efficiency],
      ['net-flow', capacity?.netFlow ?? null],
      ['capacity-days', capacity?.capacityDays ?? null],
      ['arrivals', capacity?.arrivals ?? null],
    ]);
  }

  /**
   * The roll-up of `GET /risk/summary?by=portfolio&portfolioId=…`; for the whole workspace (which
   * the endpoint has no subject for) the boards' roll-ups combined: the highest level, the
   * reasons of the boards at that level (prefixed with the board), the counts summed.
   */
  async risk(p: Principal, portfolioId: string | null): Promise<DigestRisk | null> {
    const q = portfolioId ? { portfolioId } : {};
    const e = await this.risks.evaluate(p, q, { window: FORECAST_WINDOW_DAYS });
    if (portfolioId) {
      const own = (await this.risks.summary(e, { by: 'portfolio' })).items.find((i) => i.id === portfolioId);
      return own ? { level: own.level, reasons: own.reasons, counts: { ...own.counts } } : null;
    }
    const boards = (await this.risks.summary(e, { by: 'board' })).items;
    if (boards.length === 0) return null;
    const level = LEVELS[Math.max(...boards.map((b) => LEVELS.indexOf(b.level)))] ?? 'low';
    const counts: Record<string, number> = {};
    for (const b of boards) for (const [k, n] of Object.entries(b.counts)) counts[k] = (counts[k] ?? 0) + n;
    return { level, reasons: boards.filter((b) => b.level === level).flatMap((b) => b.reasons.map((r) => `${b.id}: ${r}`)), counts };
  }

  /** Releases and epics in scope at `nowMs` and a week before, with what each forecast rested on. */
  async forecasts(p: Principal, portfolioId: string | null, nowMs: number): Promise<DigestForecastInput[]> {
    const [now, then] = await Promise.all([this.snapshots(p, portfolioId, instantParams(nowMs)), this.snapshots(p, portfolioId, instantParams(nowMs - 7 * 86_400_000))]);
    const out: DigestForecastInput[] = [];
    for (const [key, current] of now) out.push({ kind: current.kind, id: current.id, name: current.name, now: current.snapshot, then: then.get(key)?.snapshot ?? null });
    return out;
  }

  private async snapshots(p: Principal, portfolioId: string | null, instant: { asOf?: string; knownAt?: string }) {
    const q = { ...(portfolioId ? { portfolioId } : {}), ...instant };
    const e = await this.risks.evaluate(p, q, { window: FORECAST_WINDOW_DAYS });
    const { releases, epics } = await this.risks.deliveries(e, {});
    const drivers = driversOf(e);
    const out = new Map<string, { kind: 'release' | 'epic'; id: string; name: string; snapshot: ForecastSnapshot }>();
    for (const r of releases) out.set(`release:${r.releaseId}`, { kind: 'release', id: r.releaseId, name: r.name, snapshot: { p85: r.p85, remaining: r.remaining, ...drivers(r.boardIds) } });
    for (const ep of epics) out.set(`epic:${ep.epicKey}`, { kind: 'epic', id: ep.epicKey, name: ep.epicKey, snapshot: { p85: ep.p85, remaining: ep.remaining, ...drivers(ep.boardIds) } });
    return out;
  }
}

/** Throughput and blocked share of a delivery's boards, from the same input its forecast used. */
function driversOf(e: RiskEvaluation) {
  const history = throughputHistories(e.input, FORECAST_WINDOW_DAYS);
  const cache = new Map<string, { throughputPerWeek: number; blockedShare: number | null }>();
  return (boardIds: readonly string[]) => {
    const key = boardIds.join('\u0000');
    let found = cache.get(key);
    if (!found) {
      const done = boardIds.reduce((sum, board) => sum + history(board).reduce((a, b) => a + b, 0), 0);
      const blockedShare = boardIds.length ? computeItemRisks(e.input, { boardIds, threshold: e.query.threshold, sleWindow: e.query.sleWindow }).blockedShare : null;
      found = { throughputPerWeek: (done / FORECAST_WINDOW_DAYS) * 7, blockedShare };
      cache.set(key, found);
    }
    return found;
  };
}
