export * from './lib/alerting.module';
export * from './lib/alerting.options';
export * from './lib/evaluation/alert-evaluation.service';
export * from './lib/evaluation/alert-scheduler.service';
export * from './lib/rules/alert-rule.store';
export * from './lib/evaluation/alert-evaluator.service';
export * from './lib/instances/alert-instance.store';
