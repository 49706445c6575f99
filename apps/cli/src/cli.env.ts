import { z } from 'zod';
import { baseEnvSchema, clickhouseEnvSchema, eventLogEnvSchema, migrationsEnvSchema, postgresEnvSchema, secretsEnvSchema } from '@flowlens/config';

export const cliEnvSchema = z.object({
  ...baseEnvSchema.shape,
  ...eventLogEnvSchema.shape,
  ...clickhouseEnvSchema.shape,
  ...postgresEnvSchema.shape,
  ...secretsEnvSchema.shape,
  ...migrationsEnvSchema.shape,
});
export type CliEnv = z.infer<typeof cliEnvSchema>;
