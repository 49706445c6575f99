import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** A digest as written: weekday is ISO (1 = Monday … 7 = Sunday), hour 0–23, both in the workspace time zone. */
export const digestSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    portfolioId: z.uuid({ message: 'must be a portfolio id' }).nullish(),
    channelIds: z.array(z.uuid({ message: 'must be a channel id' })).min(1).max(20),
    weekday: z.number().int().min(1).max(7).default(1),
    hour: z.number().int().min(0).max(23).default(8),
  })
  .strict();
export class DigestDto extends createZodDto(digestSchema) {}
export type DigestInputDoc = z.infer<typeof digestSchema>;
