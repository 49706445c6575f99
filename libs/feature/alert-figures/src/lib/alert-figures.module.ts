import { Module } from '@nestjs/common';
import { ALERT_OBSERVER } from '@flowlens/alerting';
import { FiguresModule } from '@flowlens/figures';
import { FigureAlertObserver } from './figure-alert.observer';
import { FigureSources } from './figure-sources';

/**
 * The figures behind alert rules: provides ALERT_OBSERVER from the same figure services the query
 * API answers with. Needs the persistence and ClickHouse modules of the importing app.
 */
@Module({
  imports: [FiguresModule],
  providers: [FigureSources, FigureAlertObserver, { provide: ALERT_OBSERVER, useExisting: FigureAlertObserver }],
  exports: [ALERT_OBSERVER, FigureAlertObserver],
})
export class AlertFiguresModule {}
