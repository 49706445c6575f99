import { applyDecorators, type CanActivate, type ExecutionContext, Inject, Injectable, UseGuards } from '@nestjs/common';
import { ApiError, DeclareAccess } from '@flowlens/platform';
import { ADMIN_TOKEN_ACTOR, type AuthenticatedRequest, bearerToken } from './principal';
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
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request);
    if (!token) throw ApiError.unauthorized('missing Authorization: Bearer <admin token>');
    if (!safeEqual(sha256Hex(token), this.expected)) throw ApiError.unauthorized('invalid admin token', 'invalid_admin_token');
    request.adminActor = ADMIN_TOKEN_ACTOR;
    return true;
  }
}

/** Routes of the operator (`FLOWLENS_ADMIN_TOKEN`): the guard and the access declaration in one. */
export const RequireAdminToken = () => applyDecorators(UseGuards(AdminTokenGuard), DeclareAccess('admin-token'));
