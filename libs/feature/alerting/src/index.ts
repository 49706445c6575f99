export * from './lib/alerting.module';
export * from './lib/alert-scheduler.service';
