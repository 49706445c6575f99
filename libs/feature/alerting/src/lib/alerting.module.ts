import { type DynamicModule, Module } from '@nestjs/common';
import { ALERTING_OPTIONS, AlertScheduler, type AlertingOptions } from './alert-scheduler.service';

@Module({})
export class AlertingModule {
  static forRoot(options: AlertingOptions): DynamicModule {
    return { module: AlertingModule, providers: [{ provide: ALERTING_OPTIONS, useValue: options }, AlertScheduler], exports: [AlertScheduler] };
  }
}
