import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { ApiError } from '@flowlens/platform';
import { type AuthenticatedRequest, bearerToken } from './principal';
import { safeEqual, sha256Hex } from './token.util';

export const ADMIN_TOKEN = Symbol('FLOWLENS_ADMIN_TOKEN');

/** Admin endpoints: `Authorization: Bearer <FLOWLENS_ADMIN_TOKEN>`. */
@Injectable()
export class AdminTokenGuard implements CanActivate {
  private readonly expected: string;

  constructor(@Inject(ADMIN_TOKEN) adminToken: string) {
    this.expected = sha256Hex(adminToken);
  }

  canActivate(context: ExecutionContext): boolean {
    const token = bearerToken(context.switchToHttp().getRequest<AuthenticatedRequest>());
    if (!token) throw ApiError.unauthorized('missing Authorization: Bearer <admin token>');
    if (!safeEqual(sha256Hex(token), this.expected)) throw ApiError.unauthorized('invalid admin token', 'invalid_admin_token');
    return true;
  }
}
