import { z } from 'zod';
import { alertDeliveryEnvSchema, baseEnvSchema, clickhouseEnvSchema, envInt, envPort, httpEnvSchema, migrationsEnvSchema, postgresEnvSchema, secretsEnvSchema } from '@flowlens/config';

export const alertingEnvSchema = z.object({
  ...baseEnvSchema.shape,
  ...httpEnvSchema.shape,
  ...postgresEnvSchema.shape,
  ...clickhouseEnvSchema.shape,
  ...secretsEnvSchema.shape,
  ...migrationsEnvSchema.shape,
  ...alertDeliveryEnvSchema.shape,
  PORT: envPort(3030),
  ALERT_INTERVAL_MS: envInt(60_000, 1000),
});
export type AlertingEnv = z.infer<typeof alertingEnvSchema>;
