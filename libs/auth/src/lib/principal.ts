import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { ApiKeyRole } from '@flowlens/persistence';
import { ACCESS_KEY, DeclareAccess } from '@flowlens/platform';

/** Who is calling: fixed by the workspace API key (or the admin token). */
export interface Principal {
  readonly workspaceId: string;
  readonly role: ApiKeyRole;
  readonly keyId: string;
  readonly keyName: string;
}

/** Who made a change, as the audit log names them. */
export interface Actor {
  readonly keyId: string | null;
  readonly name: string;
}
export const ADMIN_TOKEN_ACTOR: Actor = { keyId: null, name: 'admin-token' };

export interface AuthenticatedRequest {
  principal?: Principal;
  /** Set by the admin-token guard (the workspace key guard sets `principal`). */
  adminActor?: Actor;
  headers: Record<string, string | string[] | undefined>;
}

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a route without WorkspaceKeyGuard');
  return principal;
});

export const ROLES_KEY = ACCESS_KEY;
/** Roles in ascending order of power: each may do everything the ones before it may. */
export const ROLE_ORDER: readonly ApiKeyRole[] = ['viewer', 'analyst', 'admin'];
/** The least role a route guarded by WorkspaceKeyGuard needs; shown in the OpenAPI document too. */
export const RequireRole = (minimum: ApiKeyRole) => DeclareAccess(minimum);
/** Whether `role` is `minimum` or above it. */
export const hasRole = (role: ApiKeyRole, minimum: ApiKeyRole): boolean => ROLE_ORDER.indexOf(role) >= ROLE_ORDER.indexOf(minimum);

export function bearerToken(request: AuthenticatedRequest): string | null {
  const header = request.headers['authorization'];
  const value = Array.isArray(header) ? header[0] : header;
  const match = value ? /^Bearer\s+(\S+)\s*$/i.exec(value) : null;
  return match ? (match[1] as string) : null;
}
