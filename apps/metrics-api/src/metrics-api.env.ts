import { z } from 'zod';
import { adminEnvSchema, alertDeliveryEnvSchema, baseEnvSchema, clickhouseEnvSchema, envPort, httpEnvSchema, migrationsEnvSchema, postgresEnvSchema, secretsEnvSchema } from '@flowlens/config';

export const metricsApiEnvSchema = z.object({
  ...baseEnvSchema.shape,
  ...httpEnvSchema.shape,
  ...clickhouseEnvSchema.shape,
  ...postgresEnvSchema.shape,
  ...secretsEnvSchema.shape,
  ...adminEnvSchema.shape,
  ...migrationsEnvSchema.shape,
  ...alertDeliveryEnvSchema.shape,
  PORT: envPort(3000),
});
export type MetricsApiEnv = z.infer<typeof metricsApiEnvSchema>;
