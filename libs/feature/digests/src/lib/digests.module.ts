import { type DynamicModule, Module } from '@nestjs/common';
import { type Clock, systemClock } from '@flowlens/alerting';
import { FiguresModule } from '@flowlens/figures';
import { DigestFiguresService } from './digest-figures.service';
import { DigestRenderer } from './digest-renderer.service';
import { DigestScheduler } from './digest-scheduler.service';
import { DigestStore } from './digest.store';
import { DigestsController } from './digests.controller';
import { DIGESTS_OPTIONS } from './digests.options';
import { DigestsService } from './digests.service';

export interface DigestsModuleOptions {
  /** Serve the digests routes (an API process). */
  readonly api: boolean;
  /** Run the weekly schedule (the alerting process). */
  readonly schedule: boolean;
  readonly publicUrl: string | undefined;
  readonly tickMs?: number;
  readonly clock?: Clock;
}

/** Weekly digests: the API, the schedule, or both per process. Needs the persistence and ClickHouse modules. */
@Module({})
export class DigestsModule {
  static forRoot({ api, schedule, publicUrl, tickMs = 60_000, clock = systemClock }: DigestsModuleOptions): DynamicModule {
    return {
      module: DigestsModule,
      imports: [FiguresModule],
      controllers: api ? [DigestsController] : [],
      providers: [
        { provide: DIGESTS_OPTIONS, useValue: { publicUrl, tickMs, clock } },
        DigestStore,
        DigestFiguresService,
        DigestRenderer,
        ...(api ? [DigestsService] : []),
        ...(schedule ? [DigestScheduler] : []),
      ],
      exports: schedule ? [DigestScheduler] : [],
    };
  }
}
