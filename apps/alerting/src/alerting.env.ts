import { z } from 'zod';
import { baseEnvSchema, envInt, envPort, httpEnvSchema } from '@flowlens/config';

export const alertingEnvSchema = z.object({
  ...baseEnvSchema.shape,
  ...httpEnvSchema.shape,
  PORT: envPort(3030),
  ALERT_INTERVAL_MS: envInt(60_000, 1000),
});
export type AlertingEnv = z.infer<typeof alertingEnvSchema>;
