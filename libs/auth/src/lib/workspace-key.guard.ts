import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiKeyRepository, type ApiKeyRole } from '@flowlens/persistence';
import { ApiError } from '@flowlens/platform';
import { parseApiKey } from './api-key.codec';
import { type AuthenticatedRequest, bearerToken, hasRole, ROLE_ORDER, ROLES_KEY } from './principal';
import { safeEqual } from './token.util';

/** Authenticates a workspace API key; the key fixes the workspace of every query. */
@Injectable()
export class WorkspaceKeyGuard implements CanActivate {
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request);
    if (!token) throw ApiError.unauthorized('missing Authorization: Bearer <workspace API key>');
    const parsed = parseApiKey(token);
    const row = parsed ? await this.keys.findActiveByPrefix(parsed.prefix) : null;
    if (!parsed || !row || !safeEqual(row.keyHash, parsed.hash)) throw ApiError.unauthorized('invalid or revoked API key', 'invalid_api_key');
    if (row.expiresAt !== null && row.expiresAt.getTime() <= Date.now()) throw ApiError.unauthorized(`this API key expired at ${row.expiresAt.toISOString()}`, 'expired_api_key');
    const minimum = this.reflector.getAllAndOverride<string | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (isRole(minimum) && !hasRole(row.role, minimum)) throw ApiError.forbidden(`this operation needs the ${minimum} role or above (this key is ${row.role})`);
    request.principal = { workspaceId: row.workspaceId, role: row.role, keyId: row.id, keyName: row.name };
    return true;
  }
}

const isRole = (value: string | undefined): value is ApiKeyRole => ROLE_ORDER.includes(value as ApiKeyRole);
