import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { DEAD_LETTER_STATUSES, type DeadLetterEntity } from '@flowlens/persistence';

export const deadLetterQuerySchema = z.object({
  status: z.enum(DEAD_LETTER_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** `nextCursor` of the previous page. */
  cursor: z.string().min(1).max(600).optional(),
});
export class DeadLetterQueryDto extends createZodDto(deadLetterQuerySchema) {}

export function deadLetterSummary(letter: DeadLetterEntity) {
  return {
    deliveryId: letter.deliveryId,
    connectorId: letter.connectorId,
    source: letter.source,
    status: letter.status,
    reason: letter.reason,
    receivedAt: letter.receivedAt.toISOString(),
    attempts: letter.attempts,
    lastAttemptAt: letter.lastAttemptAt.toISOString(),
    resolvedAt: letter.resolvedAt?.toISOString() ?? null,
  };
}
export type DeadLetterSummary = ReturnType<typeof deadLetterSummary>;

export function deadLetterDetail(letter: DeadLetterEntity) {
  return { ...deadLetterSummary(letter), headers: letter.headers, body: letter.body };
}
