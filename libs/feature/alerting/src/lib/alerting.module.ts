import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { ALERTING_OPTIONS, type AlertingOptions } from './alerting.options';
import { AlertBacktestService } from './evaluation/alert-backtest.service';
import { AlertEvaluationService } from './evaluation/alert-evaluation.service';
import { AlertEvaluator } from './evaluation/alert-evaluator.service';
import { AlertScheduler } from './evaluation/alert-scheduler.service';
import { AlertInstanceStore } from './instances/alert-instance.store';
import { AlertsController } from './instances/alerts.controller';
import { AlertRuleStore } from './rules/alert-rule.store';
import { AlertRulesController } from './rules/alert-rules.controller';
import { AlertRulesService } from './rules/alert-rules.service';

export interface AlertingModuleOptions extends AlertingOptions {
  /** Serve the rules and alerts routes (an API process). */
  readonly api: boolean;
  /** Run the scheduled evaluation in this process (the alerting service). */
  readonly schedule: boolean;
  /**
   * The module providing ALERT_OBSERVER (the figures rules compare), composed by the app: feature
   * libraries do not import each other.
   */
  readonly observer: Type<unknown> | DynamicModule;
}

/** Alert rules, their evaluation (on demand and on a schedule), instances, acknowledgement and snooze. */
@Module({})
export class AlertingModule {
  static forRoot({ api, schedule, observer, ...options }: AlertingModuleOptions): DynamicModule {
    return {
      module: AlertingModule,
      imports: [observer],
      controllers: api ? [AlertRulesController, AlertsController] : [],
      providers: [
        { provide: ALERTING_OPTIONS, useValue: options },
        AlertRuleStore,
        AlertRulesService,
        AlertInstanceStore,
        AlertEvaluator,
        AlertEvaluationService,
        AlertBacktestService,
        ...(schedule ? [AlertScheduler] : []),
      ],
      exports: [AlertEvaluationService, AlertRuleStore, ...(schedule ? [AlertScheduler] : [])],
    };
  }
}
