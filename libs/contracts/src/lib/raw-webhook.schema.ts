import { z } from 'zod';
import { EVENT_SOURCES } from './event-types';
import { isoInstantSchema } from './canonical-event.schema';

/**
 * A webhook delivery exactly as received, kept so normalisation can be re-run when a connector
 * improves. Signature headers are dropped (they prove nothing once stored).
 */
export const rawWebhookSchema = z.object({
  deliveryId: z.string().min(1),
  workspaceId: z.string().min(1),
  connectorId: z.string().min(1),
  source: z.enum(EVENT_SOURCES),
  receivedAt: isoInstantSchema,
  headers: z.record(z.string(), z.string()),
  body: z.string(),
  outcome: z.enum(['accepted', 'ignored', 'dead-lettered']),
  note: z.string().nullable(),
  eventIds: z.array(z.string()),
});
export type RawWebhook = z.infer<typeof rawWebhookSchema>;

/** A delivery that passed its schema but could not be normalised; re-drivable after a fix. */
export const deadLetterSchema = z.object({
  deliveryId: z.string().min(1),
  workspaceId: z.string().min(1),
  connectorId: z.string().min(1),
  source: z.enum(EVENT_SOURCES),
  receivedAt: isoInstantSchema,
  reason: z.string(),
  body: z.string(),
});
export type DeadLetter = z.infer<typeof deadLetterSchema>;
