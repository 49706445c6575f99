import { z } from 'zod';
import { baseEnvSchema, envPort, eventLogEnvSchema, httpEnvSchema, migrationsEnvSchema, postgresEnvSchema, secretsEnvSchema } from '@flowlens/config';

export const ingestGatewayEnvSchema = z.object({
  ...baseEnvSchema.shape,
  ...httpEnvSchema.shape,
  ...eventLogEnvSchema.shape,
  ...postgresEnvSchema.shape,
  ...secretsEnvSchema.shape,
  ...migrationsEnvSchema.shape,
  PORT: envPort(3010),
  EVENT_LOG: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['embedded', 'kafka']).default('kafka')),
});
export type IngestGatewayEnv = z.infer<typeof ingestGatewayEnvSchema>;
