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

export const createConnectorSchema = z.object({
  type: z.enum(['jira', 'trello', 'generic']),
  name: z.string().trim().min(1).max(200),
  /** Signing secret (Jira webhook secret, Trello app secret, generic HMAC key). Stored, never returned. */
  secret: z.string().min(8).max(500).optional(),
  /** Trello signs the callback URL too; give it exactly as registered (proxies may change it). */
  callbackUrl: z.url().optional(),
  /** Connector-specific settings, e.g. Jira `storyPointsField`. */
  settings: settingsSchema.default({}),
});
export class CreateConnectorDto extends createZodDto(createConnectorSchema) {}

export const updateConnectorSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    /** A new signing secret; null removes it (the connector then authenticates by URL token only). */
    secret: z.string().min(8).max(500).nullable().optional(),
    callbackUrl: z.url().nullable().optional(),
    /** Replaces the settings as a whole. */
    settings: settingsSchema.optional(),
  })
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'give at least one of name, secret, callbackUrl, settings');
export class UpdateConnectorDto extends createZodDto(updateConnectorSchema) {}

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1).max(100),
  role: z.enum(['admin', 'analyst', 'viewer']).default('analyst'),
});
export class CreateApiKeyDto extends createZodDto(createApiKeySchema) {}
