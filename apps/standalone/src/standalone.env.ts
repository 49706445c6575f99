import { z } from 'zod';
import {
  alertDeliveryEnvSchema,
  baseEnvSchema,
  clickhouseEnvSchema,
  envBoolean,
  envInt,
  eventLogEnvSchema,
  httpEnvSchema,
  migrationsEnvSchema,
  postgresEnvSchema,
  secretsEnvSchema,
} from '@flowlens/config';

export const ROLES = ['gateway', 'projector', 'api', 'alerting'] as const;
export type Role = (typeof ROLES)[number];

export const standaloneEnvSchema = z.object({
  ...baseEnvSchema.shape,
  ...httpEnvSchema.shape,
  ...eventLogEnvSchema.shape,
  ...clickhouseEnvSchema.shape,
  ...postgresEnvSchema.shape,
  ...secretsEnvSchema.shape,
  ...migrationsEnvSchema.shape,
  ...alertDeliveryEnvSchema.shape,
  /** Admin token; when unset one is generated at first start, printed once and kept in the data dir. */
  FLOWLENS_ADMIN_TOKEN: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(16, 'must be at least 16 characters').optional()),
  /** Which parts run in this process (comma-separated): gateway, projector, api, alerting. */
  FLOWLENS_ROLES: z.preprocess(
    (v) => (v === '' || v === undefined ? ROLES.join(',') : v),
    z
      .string()
      .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
      .pipe(z.array(z.enum(ROLES, { message: `each role must be one of ${ROLES.join(', ')}` })).min(1)),
  ),
  /** Seed the demo workspace on a first start (no workspace yet). */
  FLOWLENS_DEMO: envBoolean(true),
  PROJECTOR_MAX_BATCH: envInt(5000, 1, 100_000),
  ALERT_INTERVAL_MS: envInt(60_000, 1000),
});
export type StandaloneEnv = z.infer<typeof standaloneEnvSchema>;
