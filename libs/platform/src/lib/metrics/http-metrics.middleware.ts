import type { NextFunction, Request, Response } from 'express';
import { flowlensMetrics } from './flowlens-metrics';

// Label values come from this fixed set, so no caller can grow the metric's cardinality.
const WEBHOOK_PATH = /^\/webhooks\/(jira|trello|generic)\//;

/** Key in `res.locals` where a webhook handler names its outcome (events, duplicate, ...). */
export const WEBHOOK_OUTCOME = 'webhookOutcome';
/** Key in `res.locals` where the error filter leaves the envelope's code. */
export const ERROR_CODE = 'errorCode';
/** Key in `res.locals` where a handler ahead of the router (the webhook fast path) names its route template. */
export const ROUTE_TEMPLATE = 'routeTemplate';

/**
 * Times every request by its route template (`/api/v1/items/:itemKey`), never by its raw URL, and
 * counts webhook deliveries by source and outcome — those refused before any handler ran (bad
 * JSON, too large) included.
 */
export function httpMetricsMiddleware(req: Request, res: Response, next: NextFunction): void {
  const end = flowlensMetrics.httpSeconds.startTimer();
  const source = req.method === 'POST' ? WEBHOOK_PATH.exec(req.path)?.[1] : undefined;
  if (source) flowlensMetrics.webhooksReceived.inc({ source });
  res.once('finish', () => {
    const template = (req.route as { path?: unknown } | undefined)?.path;
    const early = res.locals[ROUTE_TEMPLATE];
    const route = typeof template === 'string' ? `${req.baseUrl}${template}` : typeof early === 'string' ? early : 'unmatched';
    end({ method: req.method, route, status: String(res.statusCode) });
    if (!source) return;
    if (res.statusCode < 300) flowlensMetrics.webhooksAccepted.inc({ source, outcome: String(res.locals[WEBHOOK_OUTCOME] ?? 'accepted') });
    else flowlensMetrics.webhooksRejected.inc({ source, reason: String(res.locals[ERROR_CODE] ?? res.statusCode) });
  });
  next();
}
