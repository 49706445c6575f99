import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import getRawBody from 'raw-body';
import { EVENT_SOURCES, type EventSource } from '@flowlens/contracts';
import {
  ApiError,
  checkNoNul,
  checkPathParam,
  ErrorEnvelopeFilter,
  JSON_BODY_TYPES,
  logCompletedRequest,
  PublicUrls,
  requestId,
  ROUTE_TEMPLATE,
  WEBHOOK_OUTCOME,
} from '@flowlens/platform';
import { WebhookIntakeService, webhookOutcomeOf } from './webhook-intake.service';

const WEBHOOK_ROUTE = new RegExp(`^/webhooks/(${EVENT_SOURCES.join('|')})/([^/]+)/?$`);

export interface WebhookFastPathOptions {
  /** The body-size limit, as for the JSON parser (`5mb`). */
  readonly bodyLimit: string;
}

/**
 * Webhook deliveries answered ahead of Nest's router, guards, interceptors and pipes: a source
 * posts one event per request, so the fixed cost of that pipeline is most of a delivery's cost.
 * The work itself is {@link WebhookIntakeService.receive}, exactly as the controller does it, and
 * everything around it is kept: request id, the access-log line, the HTTP and webhook metrics
 * (this runs after their middleware), the input bounds on the path and query, the error envelope.
 * A request it does not take whole (another method or type, a compressed or empty body) goes on to
 * {@link WebhooksController} unchanged.
 */
export function webhookFastPath(app: NestExpressApplication, options: WebhookFastPathOptions): RequestHandler {
  const intake = app.get(WebhookIntakeService, { strict: false });
  const urls = app.get(PublicUrls, { strict: false });
  const envelopes = new ErrorEnvelopeFilter();

  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== 'POST') return next();
    const match = WEBHOOK_ROUTE.exec(req.path);
    if (!match || !takesWhole(req)) return next();
    const source = match[1] as EventSource;
    const started = performance.now();
    const id = requestId(req, res);
    (req as { id?: unknown }).id = id;
    res.locals[ROUTE_TEMPLATE] = `/webhooks/${source}/:connectorId`;
    res.once('finish', () => logCompletedRequest({ id, method: req.method, url: req.originalUrl }, res, performance.now() - started));

    void (async () => {
      // The body first, as the regular path does: an answer sent before it was read can cost the
      // source its keep-alive connection.
      const rawBody = await readBody(req, options.bodyLimit);
      const connectorId = decodedParam(match[2] as string);
      checkPathParam(connectorId, 'connectorId');
      const token = req.query['token'];
      checkNoNul(token, 'query', 'token');
      const result = await intake.receive(source, connectorId, {
        rawBody,
        body: parseJson(rawBody),
        headers: req.headers as Record<string, string | undefined>,
        token: typeof token === 'string' ? token : undefined,
        url: urls.requestUrl(req),
      });
      res.locals[WEBHOOK_OUTCOME] = webhookOutcomeOf(result);
      res.status(202).json(result);
    })().catch((error: unknown) => envelopes.send(error, id, res));
  };
}

/**
 * A JSON body (the JSON parser's types) in UTF-8, neither compressed nor empty: what the fast path
 * reads itself. Anything else goes the regular way, and gets its 415 there.
 */
function takesWhole(req: Request): boolean {
  if (!req.is(JSON_BODY_TYPES)) return false;
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return false;
  if (req.headers['content-length'] === '0') return false;
  const charset = /;\s*charset=("?)([^";\s]+)\1/i.exec(req.headers['content-type'] ?? '')?.[2]?.toLowerCase();
  return charset === undefined || charset === 'utf-8' || charset === 'utf8';
}

function decodedParam(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw ApiError.badRequest('the path parameter connectorId is not valid percent-encoding', [{ path: 'connectorId', message: 'bad encoding' }], 'invalid_path');
  }
}

/** raw-body is what Express' body parsers read with: the envelope filter maps its errors (413, 400) as theirs. */
function readBody(req: Request, limit: string): Promise<Buffer> {
  return getRawBody(req, { limit, length: req.headers['content-length'] });
}

/** Like Express' JSON parser (strict): an object or an array. */
function parseJson(rawBody: Buffer): unknown {
  const text = rawBody.toString('utf8');
  const first = /\S/.exec(text)?.[0];
  if (first !== '{' && first !== '[') throw ApiError.badRequest('the request body is not valid JSON: it must be an object or an array', [], 'malformed_json');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw ApiError.badRequest(`the request body is not valid JSON: ${(error as Error).message}`, [], 'malformed_json');
  }
}
