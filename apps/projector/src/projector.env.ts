import { z } from 'zod';
import { baseEnvSchema, clickhouseEnvSchema, envInt, envPort, eventLogEnvSchema, httpEnvSchema, migrationsEnvSchema } from '@flowlens/config';

export const projectorEnvSchema = z.object({
  ...baseEnvSchema.shape,
  ...httpEnvSchema.shape,
  ...eventLogEnvSchema.shape,
  ...clickhouseEnvSchema.shape,
  ...migrationsEnvSchema.shape,
  PORT: envPort(3020),
  EVENT_LOG: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['embedded', 'kafka']).default('kafka')),
  /** Largest batch handed to ClickHouse in one insert. */
  PROJECTOR_MAX_BATCH: envInt(5000, 1, 100_000),
});
export type ProjectorEnv = z.infer<typeof projectorEnvSchema>;
