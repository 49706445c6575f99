import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { ZodValidationException } from 'nestjs-zod';
import type { ZodError } from 'zod';
import { ERROR_CODE } from '../metrics/http-metrics.middleware';
import { ApiError, type ErrorDetail, type ErrorEnvelope } from './api-error';

const CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'too_many_requests',
  503: 'unavailable',
};

/** Turns every error into the API's JSON envelope; unknown errors become a logged 500. */
@Catch()
export class ErrorEnvelopeFilter implements ExceptionFilter {
  private readonly logger = new Logger(ErrorEnvelopeFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const request = host.switchToHttp().getRequest<{ id?: unknown }>();
    const requestId = typeof request.id === 'string' || typeof request.id === 'number' ? String(request.id) : undefined;
    this.send(exception, requestId, host.switchToHttp().getResponse<Response>());
  }

  /** Answers `exception` as the envelope; also for handlers that run ahead of Nest's pipeline (the webhook fast path). */
  send(exception: unknown, requestId: string | undefined, response: Response): void {
    const [status, envelope] = this.toEnvelope(exception);
    if (status >= 500) this.logger.error({ err: exception, requestId }, envelope.error.message);
    response.locals[ERROR_CODE] = envelope.error.code;
    if (response.headersSent) return;
    if (exception instanceof ApiError && exception.retryAfterSeconds !== undefined) response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    // The request id lets a caller quote the failure; the log line carries the same id.
    response.status(status).json(requestId === undefined ? envelope : { error: { ...envelope.error, requestId } });
  }

  private toEnvelope(exception: unknown): [number, ErrorEnvelope] {
    if (exception instanceof ZodValidationException) {
      const zodError = exception.getZodError() as ZodError;
      const details: ErrorDetail[] = zodError.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
      return [400, envelope('validation_failed', 'the request is not valid', details)];
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      if (isEnvelope(body)) return [status, body];
      const message = typeof body === 'string' ? body : ((body as { message?: unknown }).message ?? exception.message);
      return [status, envelope(CODES[status] ?? 'error', Array.isArray(message) ? message.join('; ') : String(message))];
    }
    // Errors thrown by Express' body parser before any route ran.
    const bodyError = exception as { type?: string; status?: number; message?: string };
    if (bodyError?.type === 'entity.too.large') {
      return [HttpStatus.PAYLOAD_TOO_LARGE, envelope('payload_too_large', 'the request body is larger than the limit')];
    }
    if (bodyError?.type === 'entity.parse.failed') {
      return [HttpStatus.BAD_REQUEST, envelope('malformed_json', `the request body is not valid JSON: ${bodyError.message ?? ''}`.trim())];
    }
    if (typeof bodyError?.status === 'number' && bodyError.status >= 400 && bodyError.status < 500) {
      return [bodyError.status, envelope(CODES[bodyError.status] ?? 'bad_request', bodyError.message ?? 'bad request')];
    }
    return [HttpStatus.INTERNAL_SERVER_ERROR, envelope('internal', 'an unexpected error occurred')];
  }
}

function envelope(code: string, message: string, details: readonly ErrorDetail[] = []): ErrorEnvelope {
  return { error: { code, message, details } };
}

function isEnvelope(body: unknown): body is ErrorEnvelope {
  return typeof body === 'object' && body !== null && 'error' in body && typeof (body as ErrorEnvelope).error?.code === 'string';
}
