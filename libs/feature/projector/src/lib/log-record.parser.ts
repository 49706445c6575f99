import type { z } from 'zod';
import type { ConsumedRecord } from '@flowlens/event-log';
import { TimeSlice } from '@flowlens/platform';

export interface ParsedRecords<T> {
  readonly valid: T[];
  readonly invalid: Array<{ readonly record: ConsumedRecord; readonly reason: string }>;
}

/**
 * Parses JSON log records against a schema, separating the (never expected) bad ones. A batch of
 * raw payloads is megabytes of JSON: the event loop gets a turn every few ms of parsing.
 */
export async function parseRecords<S extends z.ZodType>(records: readonly ConsumedRecord[], schema: S): Promise<ParsedRecords<z.infer<S>>> {
  const valid: Array<z.infer<S>> = [];
  const invalid: ParsedRecords<z.infer<S>>['invalid'] = [];
  const slice = new TimeSlice();
  for (const record of records) {
    if (slice.due()) await slice.next();
    let json: unknown;
    try {
      json = JSON.parse(record.value);
    } catch {
      invalid.push({ record, reason: 'not JSON' });
      continue;
    }
    const parsed = schema.safeParse(json);
    if (parsed.success) valid.push(parsed.data);
    else invalid.push({ record, reason: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
  }
  return { valid, invalid };
}
