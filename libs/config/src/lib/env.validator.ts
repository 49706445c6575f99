import { z } from 'zod';

/** Thrown at boot when the environment is wrong; its message is one line naming the variable. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * Validates the environment once, at boot, into a typed object. Fails with a single line that
 * names the first offending variable and what is wrong with it.
 */
export function parseEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const variable = issue?.path.map(String).join('.') || '(environment)';
  const received = issue && issue.path.length > 0 ? env[String(issue.path[0])] : undefined;
  const shown = received === undefined ? 'not set' : `got ${JSON.stringify(received)}`;
  throw new ConfigError(`Invalid environment variable ${variable}: ${issue?.message ?? 'invalid'} (${shown})`);
}
