import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule, PinoLogger } from 'nestjs-pino';
import type { Options } from 'pino-http';
import { FlowlensLogger } from './flowlens.logger';
import { prettyLogStream } from './pretty-log.stream';

/** `auto`: short coloured lines on a terminal, JSON otherwise (pipes, files, containers). */
export type LogFormat = 'auto' | 'json' | 'pretty';

export interface LoggingOptions {
  readonly level: string;
  /** Service name on every line (`ingest-gateway`, `projector`, ...). */
  readonly service: string;
  readonly format?: LogFormat;
}

const QUIET_PATHS = new Set(['/health', '/ready', '/metrics']);
const CALLER_REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** The caller's `X-Request-Id` when it is sane, else a new one; echoed on the answer, logged on every line, quoted in errors. */
export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && CALLER_REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

export function resolveLogFormat(format: LogFormat = 'auto', isTty = process.stdout.isTTY === true): 'json' | 'pretty' {
  return format === 'auto' ? (isTty ? 'pretty' : 'json') : format;
}

let prettyRequestLines = false;

/**
 * The line pino-http writes for a finished request, for a handler that answers ahead of it (the
 * webhook fast path): the same level, fields (through the same serializers and redaction) and message.
 */
export function logCompletedRequest(req: { id: string; method: string; url: string }, res: ServerResponse, responseTime: number): void {
  const logger = PinoLogger.root;
  const failed = res.statusCode >= 500;
  if (!logger?.isLevelEnabled(failed ? 'error' : 'info')) return;
  const fields = { req, res, responseTime: Math.round(responseTime) };
  if (failed) logger.error(fields, prettyRequestLines ? failedLine(req, res, `failed with status code ${res.statusCode}`) : 'request errored');
  else logger.info(fields, prettyRequestLines ? completedLine(req, res, responseTime) : 'request completed');
}

// On a terminal a request is one line: "GET /api/v1/metrics/wip 200 12ms".
const completedLine = (req: { method?: string; url?: string }, res: { statusCode: number }, ms: number): string => `${req.method} ${redactToken(req.url ?? '')} ${res.statusCode} ${Math.round(ms)}ms`;
const failedLine = (req: { method?: string; url?: string }, res: { statusCode: number }, reason: string): string => `${req.method} ${redactToken(req.url ?? '')} ${res.statusCode} ${reason}`;

/** Structured logs (pino) for the app and every request; secrets and signatures redacted. */
@Module({})
export class LoggingModule {
  static forRoot(options: LoggingOptions): DynamicModule {
    const pretty = resolveLogFormat(options.format) === 'pretty';
    prettyRequestLines = pretty;
    const http: Options = {
      level: options.level,
      base: { service: options.service, pid: process.pid },
      genReqId: requestId,
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
      ...(pretty ? { customSuccessMessage: completedLine, customErrorMessage: (req, res, error) => failedLine(req, res, error.message) } : {}),
    };
    return {
      module: LoggingModule,
      imports: [LoggerModule.forRoot({ pinoHttp: pretty ? [http, prettyLogStream()] : http })],
      providers: [FlowlensLogger],
      exports: [LoggerModule, FlowlensLogger],
    };
  }
}

function redactToken(url: string): string {
  return url.replace(/([?&]token=)[^&]+/, '$1[redacted]');
}
