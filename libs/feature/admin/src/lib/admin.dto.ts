import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { jsonDepth } from '@flowlens/platform';

export function isIanaZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Connector settings are small flat-ish JSON (field ids, options): bounded so none grows without end. */
export const MAX_SETTINGS_DEPTH = 8;
export const MAX_SETTINGS_BYTES = 16_384;
const settingsSchema = z
  .record(z.string().max(200), z.unknown())
  .refine((settings) => jsonDepth(settings) <= MAX_SETTINGS_DEPTH, `may nest at most ${MAX_SETTINGS_DEPTH} levels deep`)
  .refine((settings) => Buffer.byteLength(JSON.stringify(settings)) <= MAX_SETTINGS_BYTES, `may be at most ${MAX_SETTINGS_BYTES} bytes as JSON`);

export const createWorkspaceSchema = z.object({
  name: z.string().trim().min(1).max(200),
  timezone: z.string().default('UTC').refine(isIanaZone, 'must be an IANA time zone such as Europe/Berlin'),
});
export class CreateWorkspaceDto extends createZodDto(createWorkspaceSchema) {}

const MAX_OVERLAP_MS = 30 * 86_400_000;

/** Known connector settings are checked; others pass through to the connector. */
const connectorSettingsSchema = settingsSchema.pipe(
  z
    .object({
      /** Opt-in: deliveries over this many per minute answer 429 with Retry-After (a source's burst is never dropped by default). */
      rateLimitPerMinute: z.number().int().min(1).max(1_000_000).optional(),
    })
    .catchall(z.unknown()),
);

export const createConnectorSchema = z.object({
  type: z.enum(['jira', 'trello', 'generic']),
  name: z.string().trim().min(1).max(200),
  /** Signing secret (Jira webhook secret, Trello app secret, generic HMAC key). Stored, never returned. */
  secret: z.string().min(8).max(500).optional(),
  /** Trello signs the callback URL too; give it exactly as registered (proxies may change it). */
  callbackUrl: z.url().optional(),
  /** Connector-specific settings, e.g. Jira `storyPointsField`, or `rateLimitPerMinute`. */
  settings: connectorSettingsSchema.default({}),
});
export class CreateConnectorDto extends createZodDto(createConnectorSchema) {}

export const updateConnectorSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    /** A new signing secret; null removes it (the connector then authenticates by URL token only). */
    secret: z.string().min(8).max(500).nullable().optional(),
    /** With `secret`: the old secret is still accepted until this instant (rotation overlap, at most 30 days). */
    previousSecretValidUntil: z.iso.datetime({ offset: true }).optional(),
    /** false: deliveries are refused (403 `connector_disabled`) until enabled again. */
    enabled: z.boolean().optional(),
    callbackUrl: z.url().nullable().optional(),
    /** Replaces the settings as a whole. */
    settings: connectorSettingsSchema.optional(),
  })
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'give at least one of name, secret, previousSecretValidUntil, enabled, callbackUrl, settings')
  .refine((patch) => patch.previousSecretValidUntil === undefined || typeof patch.secret === 'string', {
    message: 'previousSecretValidUntil needs a new secret in the same request',
    path: ['previousSecretValidUntil'],
  })
  .refine((patch) => patch.previousSecretValidUntil === undefined || Date.parse(patch.previousSecretValidUntil) <= Date.now() + MAX_OVERLAP_MS, {
    message: 'the overlap may last at most 30 days',
    path: ['previousSecretValidUntil'],
  });
export class UpdateConnectorDto extends createZodDto(updateConnectorSchema) {}

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1).max(100),
  role: z.enum(['admin', 'analyst', 'viewer']).default('analyst'),
  /** After this instant the key answers 401. */
  expiresAt: z.iso
    .datetime({ offset: true })
    .refine((at) => Date.parse(at) > Date.now(), 'must be in the future')
    .optional(),
});
export class CreateApiKeyDto extends createZodDto(createApiKeySchema) {}

export const updateWorkspaceSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    /** Day and week buckets of every figure follow the new zone at once (they are computed at query time). */
    timezone: z.string().refine(isIanaZone, 'must be an IANA time zone such as Europe/Berlin').optional(),
  })
  .strict()
  .refine((patch) => patch.name !== undefined || patch.timezone !== undefined, 'give name or timezone');
export class UpdateWorkspaceDto extends createZodDto(updateWorkspaceSchema) {}

export const deleteConnectorQuerySchema = z.object({
  /** true: also delete its dead letters and import jobs (otherwise they are kept). */
  purge: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});
export class DeleteConnectorQueryDto extends createZodDto(deleteConnectorQuerySchema) {}

export const auditQuerySchema = z.object({
  cursor: z.string().regex(/^\d{1,19}$/, 'is not a cursor from a previous page').optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  actorKeyId: z.uuid().optional(),
  /** `<type>` (e.g. `connector`) or `<type>:<id>`. */
  target: z.string().regex(/^[a-z][a-z0-9-]*(:.+)?$/, 'must be <type> or <type>:<id>').optional(),
});
export class AuditQueryDto extends createZodDto(auditQuerySchema) {}
