import type { ArgumentsHost, DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { cleanupOpenApiDoc, ZodValidationPipe } from 'nestjs-zod';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { ApiError } from '../errors/api-error';
import { ErrorEnvelopeFilter } from '../errors/error-envelope.filter';
import { httpMetricsMiddleware } from '../metrics/http-metrics.middleware';
import { InputBoundsPipe } from '../validation/input-bounds.pipe';
import { FlowlensLogger } from '../logging/flowlens.logger';
import { installGracefulShutdown } from './graceful-shutdown';

/** The content types the JSON body parser takes (and the webhook fast path with it). */
export const JSON_BODY_TYPES = ['application/json', 'application/*+json', 'text/json'];

export interface HttpAppOptions {
  readonly bodyLimit: string;
  readonly shutdownTimeoutMs: number;
  /** Browser origins allowed to call the API; empty (the default): CORS stays off. */
  readonly corsOrigins?: readonly string[];
  readonly docs?: { readonly title: string; readonly description: string; readonly version: string };
  /**
   * A handler that answers some requests ahead of the body parsers and Nest's router (the webhook
   * fast path), given the app to resolve its services; it runs after the metrics, security-header
   * and CORS middleware, and passes on what it does not take.
   */
  readonly ahead?: (app: NestExpressApplication) => RequestHandler | null;
}

/**
 * Builds a Nest HTTP app the Flowlens way: security headers, CORS only when configured, raw bodies
 * kept (webhook signatures), a body-size limit, the JSON error envelope, zod validation, pino logs
 * with request ids, OpenAPI at /docs, graceful shutdown.
 */
export async function createHttpApp(module: Type<unknown> | DynamicModule, options: HttpAppOptions): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module, { rawBody: true, bufferLogs: true });
  configureHttpApp(app, options);
  return app;
}

export function configureHttpApp(app: NestExpressApplication, options: HttpAppOptions): void {
  app.useLogger(app.get(FlowlensLogger));
  app.disable('x-powered-by');
  app.use(httpMetricsMiddleware);
  // Helmet's defaults, strict CSP included (scripts of our own origin only, no eval; the browser
  // tests that evaluate functions in the page bypass CSP in their own context instead), except
  // upgrade-insecure-requests: a self-hosted Flowlens on plain http (e.g. http://flowlens.internal)
  // would have its own API calls upgraded to https and fail.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  const origins = options.corsOrigins ?? [];
  if (origins.length > 0) {
    app.enableCors({ origin: origins.includes('*') ? '*' : [...origins], exposedHeaders: ['Retry-After', 'X-Request-Id', 'X-RateLimit-Limit', 'X-RateLimit-Remaining'], maxAge: 600 });
  }
  app.set('query parser', 'extended');
  const ahead = options.ahead?.(app);
  if (ahead) app.use(ahead);
  app.useBodyParser('json', { limit: options.bodyLimit, type: JSON_BODY_TYPES });
  app.useBodyParser('urlencoded', { limit: options.bodyLimit, extended: true });
  // Body-parser errors (bad JSON, too large) happen before any route: answer them here with the
  // envelope, since a later fallback (the dashboard's static files) would otherwise turn them into 404s.
  const envelopes = new ErrorEnvelopeFilter();
  app.use((error: { type?: string; message?: string }, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const mapped = error?.type === 'entity.parse.failed' ? ApiError.badRequest(`the request body is not valid JSON: ${error.message ?? ''}`.trim(), [], 'malformed_json') : error;
    const host = { getType: () => 'http', switchToHttp: () => ({ getRequest: () => req, getResponse: () => res, getNext: () => next }) };
    envelopes.catch(mapped, host as unknown as ArgumentsHost);
  });
  app.useGlobalFilters(envelopes);
  app.useGlobalPipes(new InputBoundsPipe(), new ZodValidationPipe());
  if (options.docs) setupOpenApi(app, options.docs);
  installGracefulShutdown(app, options.shutdownTimeoutMs);
}

function setupOpenApi(app: INestApplication, docs: NonNullable<HttpAppOptions['docs']>): void {
  const config = new DocumentBuilder()
    .setTitle(docs.title)
    .setDescription(docs.description)
    .setVersion(docs.version)
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'Admin token or workspace API key' })
    .build();
  const document = cleanupOpenApiDoc(SwaggerModule.createDocument(app, config));
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml' });
}
