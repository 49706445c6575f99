import { z } from 'zod';
import { trelloActionSchema } from './trello-action.schema';

/**
 * One webhook delivery: `{ model, action, webhook }`. `model` is the watched object (usually the
 * board); only its board reference is read, so it may be absent.
 */
export const trelloWebhookSchema = z.looseObject({
  model: z.looseObject({ id: z.string(), idBoard: z.string().optional() }).optional(),
  action: trelloActionSchema,
  webhook: z
    .looseObject({ id: z.string(), idModel: z.string().optional(), callbackURL: z.string().optional() })
    .optional(),
});
export type TrelloWebhook = z.infer<typeof trelloWebhookSchema>;
