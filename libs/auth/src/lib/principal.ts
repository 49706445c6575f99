import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { ApiKeyRole } from '@flowlens/persistence';

/** Who is calling: fixed by the workspace API key (or the admin token). */
export interface Principal {
  readonly workspaceId: string;
  readonly role: ApiKeyRole;
  readonly keyId: string;
}

export interface AuthenticatedRequest {
  principal?: Principal;
  headers: Record<string, string | string[] | undefined>;
}

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a route without WorkspaceKeyGuard');
  return principal;
});

export const ROLES_KEY = 'flowlens:roles';
/** Roles in ascending order of power: each may do everything the ones before it may. */
export const ROLE_ORDER: readonly ApiKeyRole[] = ['viewer', 'analyst', 'admin'];
/** The least role a route guarded by WorkspaceKeyGuard needs (default: any valid key). */
export const RequireRole = (minimum: ApiKeyRole) => SetMetadata(ROLES_KEY, minimum);
/** Whether `role` is `minimum` or above it. */
export const hasRole = (role: ApiKeyRole, minimum: ApiKeyRole): boolean => ROLE_ORDER.indexOf(role) >= ROLE_ORDER.indexOf(minimum);

export function bearerToken(request: AuthenticatedRequest): string | null {
  const header = request.headers['authorization'];
  const value = Array.isArray(header) ? header[0] : header;
  const match = value ? /^Bearer\s+(\S+)\s*$/i.exec(value) : null;
  return match ? (match[1] as string) : null;
}
