import { Inject, Injectable, Logger } from '@nestjs/common';
import { ALERT_OBSERVER, type AlertObserver, type AlertRule } from '@flowlens/alerting';
import { WorkspaceRepository } from '@flowlens/persistence';
import { AlertRuleStore } from '../rules/alert-rule.store';
import { AlertEvaluator, type EvaluationOutcome } from './alert-evaluator.service';

export interface CycleReport {
  readonly rules: number;
  /** Rules whose figures could not be computed (logged; their instances stay as they were). */
  readonly failed: number;
  readonly notifications: number;
  readonly ms: number;
}

/** One evaluation: of one rule now (`evaluate`), or of every enabled rule (a scheduled cycle). */
@Injectable()
export class AlertEvaluationService {
  private readonly logger = new Logger(AlertEvaluationService.name);

  constructor(
    @Inject(ALERT_OBSERVER) private readonly observer: AlertObserver,
    private readonly evaluator: AlertEvaluator,
    private readonly rules: AlertRuleStore,
    private readonly workspaces: WorkspaceRepository,
  ) {}

  /** The same evaluation the schedule runs, now. A disabled rule evaluates and writes and sends nothing. */
  async evaluate(rule: AlertRule): Promise<EvaluationOutcome> {
    const now = Date.now();
    const observations = await this.observer.observe(rule, now, { live: true });
    return this.evaluator.apply(rule, await this.workspace(rule.workspaceId), observations, now, rule.enabled);
  }

  async cycle(): Promise<CycleReport> {
    const started = Date.now();
    const rules = await this.rules.listEnabled();
    const observed = this.observer.observeAll
      ? await this.observer.observeAll(rules, started, { live: true })
      : new Map(await Promise.all(rules.map(async (r) => [r.id, await this.observer.observe(r, started, { live: true })] as const)));
    const names = new Map<string, { id: string; name: string }>();
    let notifications = 0;
    for (const rule of rules) {
      const observations = observed.get(rule.id);
      if (!observations) continue;
      const workspace = names.get(rule.workspaceId) ?? (await this.workspace(rule.workspaceId));
      names.set(rule.workspaceId, workspace);
      try {
        notifications += (await this.evaluator.apply(rule, workspace, observations, started)).deliveries;
      } catch (error) {
        this.logger.warn(`alert rule ${rule.id} could not be applied: ${(error as Error).message}`);
      }
    }
    return { rules: rules.length, failed: rules.length - observed.size, notifications, ms: Date.now() - started };
  }

  private async workspace(id: string): Promise<{ id: string; name: string }> {
    const workspace = await this.workspaces.findById(id);
    return { id, name: workspace?.name ?? '' };
  }
}
