import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';

export interface LoggingOptions {
  readonly level: string;
  /** Service name on every line (`ingest-gateway`, `projector`, ...). */
  readonly service: string;
}

const QUIET_PATHS = new Set(['/health', '/ready']);

/** Structured JSON logs (pino) for the app and every request; secrets and signatures redacted. */
@Module({})
export class LoggingModule {
  static forRoot(options: LoggingOptions): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: options.level,
            base: { service: options.service, pid: process.pid },
            autoLogging: { ignore: (req) => QUIET_PATHS.has((req.url ?? '').split('?')[0] ?? '') },
            redact: {
              paths: [
                'req.headers.authorization',
                'req.headers["x-hub-signature"]',
                'req.headers["x-trello-webhook"]',
                'req.headers["x-flowlens-signature"]',
                'req.query.token',
              ],
              censor: '[redacted]',
            },
            serializers: {
              req: (req: { method: string; url: string; id: unknown }) => ({ id: req.id, method: req.method, url: redactToken(req.url) }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
          },
        }),
      ],
      exports: [LoggerModule],
    };
  }
}

function redactToken(url: string): string {
  return url.replace(/([?&]token=)[^&]+/, '$1[redacted]');
}
