import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { ApiError } from '@flowlens/platform';
import { parseApiKey } from './api-key.codec';
import { type AuthenticatedRequest, bearerToken } from './principal';

/** The key a request counts against: its workspace API key's public prefix, or none (webhooks, admin token, health). */
export function rateLimitTracker(request: AuthenticatedRequest): string | null {
  const token = bearerToken(request);
  const parsed = token ? parseApiKey(token) : null;
  return parsed ? `api-key:${parsed.prefix}` : null;
}

/** Counts requests per workspace API key (a sliding minute); over the limit, 429 with Retry-After and the JSON error. */
@Injectable()
export class ApiKeyThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    return rateLimitTracker(request as unknown as AuthenticatedRequest) ?? '';
  }

  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return context.getType() !== 'http' || rateLimitTracker(context.switchToHttp().getRequest<AuthenticatedRequest>()) === null;
  }

  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw ApiError.tooManyRequests(`this API key may make ${detail.limit} requests a minute; retry in ${detail.timeToBlockExpire} s`, detail.timeToBlockExpire);
  }
}
