import { type DynamicModule, Global, Inject, Logger, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { ReadinessRegistry } from '@flowlens/platform';
import { createEventLog, type EventLogOptions } from './event-log.factory';
import { EventLog } from './event-log.port';

const OPTIONS = Symbol('EVENT_LOG_OPTIONS');

/** Provides the process' one EventLog (Kafka or embedded), creates topics at start, closes at exit. */
@Global()
@Module({})
export class EventLogModule implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(EventLogModule.name);

  constructor(
    private readonly log: EventLog,
    private readonly readiness: ReadinessRegistry,
    @Inject(OPTIONS) private readonly options: EventLogOptions,
  ) {}

  static forRoot(options: EventLogOptions): DynamicModule {
    const logger = new Logger('kafkajs');
    const withLogging: EventLogOptions =
      options.kind === 'kafka'
        ? {
            ...options,
            onLog: (level, message, extra) => {
              if (level === 'error') logger.error(extra, message);
              else if (level === 'warn') logger.warn(extra, message);
            },
          }
        : options;
    return {
      module: EventLogModule,
      providers: [
        { provide: OPTIONS, useValue: withLogging },
        { provide: EventLog, useFactory: () => createEventLog(withLogging) },
      ],
      exports: [EventLog],
    };
  }

  async onModuleInit(): Promise<void> {
    this.readiness.register({ name: 'log', check: () => this.log.ping() });
    try {
      await this.log.ensureTopics();
      this.logger.log(`event log ready (${this.options.kind})`);
    } catch (error) {
      // Start anyway: /ready reports the log as down and writes answer 503 until it is back.
      this.logger.warn(`event log not reachable at start: ${(error as Error).message}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.log.close();
  }
}
