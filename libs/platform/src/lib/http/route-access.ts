import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

/**
 * Every route declares who may call it, and the declaration shows in the OpenAPI document as
 * `x-flowlens-access`: `viewer` | `analyst` | `admin` (a workspace key of that role or above),
 * `admin-token` (the operator's token) or `public` (no key: webhooks by signature, health).
 */
export const ACCESS_EXTENSION = 'x-flowlens-access';
export const ACCESS_KEY = 'flowlens:access';
export type RouteAccess = 'viewer' | 'analyst' | 'admin' | 'admin-token' | 'public';

export const DeclareAccess = (access: RouteAccess) => applyDecorators(SetMetadata(ACCESS_KEY, access), ApiExtension(ACCESS_EXTENSION, access));

/** A route that takes no key (webhooks authenticate by signature; health and readiness are open). */
export const PublicRoute = () => DeclareAccess('public');
