import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export function isIanaZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

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
  settings: z.record(z.string(), z.unknown()).default({}),
});
export class CreateConnectorDto extends createZodDto(createConnectorSchema) {}

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1).max(100),
  role: z.enum(['admin', 'analyst', 'viewer']).default('analyst'),
});
export class CreateApiKeyDto extends createZodDto(createApiKeySchema) {}
