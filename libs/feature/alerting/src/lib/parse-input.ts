import type { z } from 'zod';
import { ApiError } from '@flowlens/platform';

/** Parses input at the edge: the value, or a 400 `code` naming each field the schema refused. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, message: string, code: string): z.infer<S> {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  throw ApiError.badRequest(message, parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })), code);
}
