import { HttpException, HttpStatus } from '@nestjs/common';

export interface ErrorDetail {
  readonly path?: string;
  readonly message: string;
}

/** The one error shape of the public API: `{ error: { code, message, details } }`. */
export interface ErrorEnvelope {
  readonly error: { readonly code: string; readonly message: string; readonly details: readonly ErrorDetail[] };
}

/** An HTTP error with a stable machine-readable code. */
export class ApiError extends HttpException {
  retryAfterSeconds?: number;

  constructor(status: HttpStatus, code: string, message: string, details: readonly ErrorDetail[] = []) {
    super({ error: { code, message, details } } satisfies ErrorEnvelope, status);
  }

  static badRequest(message: string, details: readonly ErrorDetail[] = [], code = 'bad_request'): ApiError {
    return new ApiError(HttpStatus.BAD_REQUEST, code, message, details);
  }
  static unauthorized(message: string, code = 'unauthorized'): ApiError {
    return new ApiError(HttpStatus.UNAUTHORIZED, code, message);
  }
  static forbidden(message: string, code = 'forbidden'): ApiError {
    return new ApiError(HttpStatus.FORBIDDEN, code, message);
  }
  static notFound(message: string, code = 'not_found'): ApiError {
    return new ApiError(HttpStatus.NOT_FOUND, code, message);
  }
  static conflict(message: string): ApiError {
    return new ApiError(HttpStatus.CONFLICT, 'conflict', message);
  }
  static unprocessable(message: string, code = 'unprocessable'): ApiError {
    return new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, code, message);
  }
  /** 429; the error filter answers `Retry-After: <seconds>` with it. */
  static tooManyRequests(message: string, retryAfterSeconds: number): ApiError {
    const error = new ApiError(HttpStatus.TOO_MANY_REQUESTS, 'too_many_requests', message);
    error.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds));
    return error;
  }
  static unavailable(message: string, code = 'unavailable', details: readonly ErrorDetail[] = []): ApiError {
    return new ApiError(HttpStatus.SERVICE_UNAVAILABLE, code, message, details);
  }
}
