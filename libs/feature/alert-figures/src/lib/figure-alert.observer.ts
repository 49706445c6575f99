import { Injectable, Logger } from '@nestjs/common';
import type { AlertObserver, AlertRule, Observation, ObserveOptions } from '@flowlens/alerting';
import { FigureCycle, type ResolvedScope } from './figure-cycle';
import { FigureSources } from './figure-sources';
import { observeDataQuality } from './kinds/data-quality.observation';
import { observeForecastSlip, observeSleBreach } from './kinds/item-risk.observation';
import { observeProcessLimits } from './kinds/process-limits.observation';
import { observeChange, observeThreshold } from './kinds/threshold.observation';
import { observeWipLimit } from './kinds/wip-limit.observation';

/**
 * The alert observer over the query API's figures (metrics.md "Alerts: precise rules"): one
 * observation per subject of the rule's scope as the figures stood at `at`. A scope the workspace
 * does not have (an unknown board, team or portfolio) has no subject, so no observation.
 */
@Injectable()
export class FigureAlertObserver implements AlertObserver {
  private readonly logger = new Logger(FigureAlertObserver.name);
  /** Figures computed by the last cycle (the benchmark reports it). */
  lastComputed = 0;

  constructor(private readonly sources: FigureSources) {}

  async observe(rule: AlertRule, at: number, options: ObserveOptions = {}): Promise<Observation[]> {
    const cycle = new FigureCycle(this.sources, at, options.live === true);
    const observations = await this.observeIn(cycle, rule);
    this.lastComputed = cycle.computed;
    return observations;
  }

  async observeSeries(rule: AlertRule, instants: readonly number[]): Promise<Observation[][]> {
    const scopes = new Map<string, Promise<unknown>>();
    const series: Observation[][] = [];
    for (const at of instants) series.push(await this.observeIn(new FigureCycle(this.sources, at, false, scopes), rule));
    return series;
  }

  /**
   * Every rule at one instant, each distinct figure computed once. A rule whose figures fail is
   * logged and left out of the map (its instances stay as they were), so one bad rule does not stop
   * the others.
   */
  async observeAll(rules: readonly AlertRule[], at: number, options: ObserveOptions = {}): Promise<Map<string, Observation[]>> {
    const cycle = new FigureCycle(this.sources, at, options.live === true).withRuleBoards(rules);
    const results = await Promise.all(
      rules.map(async (rule) => {
        try {
          return [rule.id, await this.observeIn(cycle, rule)] as const;
        } catch (error) {
          this.logger.warn(`alert rule ${rule.id} (${rule.kind}) could not be observed: ${(error as Error).message}`);
          return null;
        }
      }),
    );
    this.lastComputed = cycle.computed;
    return new Map(results.filter((r) => r !== null));
  }

  private async observeIn(cycle: FigureCycle, rule: AlertRule): Promise<Observation[]> {
    const scope = await cycle.scope(rule.workspaceId, rule.scope);
    if (!scope) return [];
    return this.byKind(cycle, scope, rule);
  }

  private byKind(cycle: FigureCycle, scope: ResolvedScope, rule: AlertRule): Promise<Observation[]> {
    switch (rule.kind) {
      case 'threshold':
        return observeThreshold(cycle, scope, rule.params);
      case 'change':
        return observeChange(cycle, scope, rule.params);
      case 'process-limits':
        return observeProcessLimits(cycle, scope, rule.params);
      case 'wip-limit':
        return observeWipLimit(cycle, scope, rule.params);
      case 'sle-breach':
        return observeSleBreach(cycle, scope, rule.params);
      case 'forecast-slip':
        return observeForecastSlip(cycle, scope, rule.params);
      case 'data-quality':
        return observeDataQuality(cycle, scope);
    }
  }
}
