import type { z } from 'zod';
import { PayloadSchemaError } from '@flowlens/contracts';

export function toDetails(error: z.ZodError): Array<{ path: string; message: string }> {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** Parses or throws PayloadSchemaError (the gateway answers 400 with the details). */
export function parseOrReject<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new PayloadSchemaError(`not a ${what}`, toDetails(parsed.error));
  return parsed.data;
}
