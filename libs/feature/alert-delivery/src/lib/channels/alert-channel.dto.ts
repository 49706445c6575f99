import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const email = z.email({ message: 'must be an e-mail address' });

/** Field rules; which fields a type needs is checked by the service (url for webhook/slack, to for email). */
export const createChannelSchema = z
  .object({
    type: z.enum(['webhook', 'slack', 'email', 'log']),
    name: z.string().trim().min(1).max(200),
    url: z.string().max(2000).optional(),
    to: z.array(email).min(1).max(50).optional(),
    /** HMAC key of a webhook channel's X-Flowlens-Signature. Stored sealed, never returned. */
    secret: z.string().min(8).max(500).optional(),
  })
  .strict();
export class CreateChannelDto extends createZodDto(createChannelSchema) {}
export type CreateChannelInput = z.infer<typeof createChannelSchema>;
