import type { z } from 'zod';
import { PayloadSchemaError } from '@flowlens/contracts';

export function issuePath(path: ReadonlyArray<PropertyKey>): string {
  return path.length === 0 ? '(root)' : path.map(String).join('.');
}

/** Parses or throws a PayloadSchemaError naming every offending path. */
export function parseOrSchemaError<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => ({ path: issuePath(issue.path), message: issue.message }));
  const first = details[0];
  throw new PayloadSchemaError(`${what}: ${first ? `${first.path}: ${first.message}` : 'invalid'}`, details);
}
