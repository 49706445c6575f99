import { z } from 'zod';

/** Repeated or comma-separated ids. */
const ids = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean)));

export const riskQuerySchema = z.object({
  teamId: ids,
  portfolioId: ids,
  threshold: z.coerce.number().min(0).max(1).default(0.7),
  sleWindow: z.coerce.number().int().min(1).max(365).default(90),
});
export type RiskQuery = z.infer<typeof riskQuerySchema>;

export const deliveryQuerySchema = z.object({
  trials: z.coerce.number().int().min(1).max(100_000).default(10_000),
  /** Risk forecasts default to seed 1, so the same data gives the same register. */
  seed: z.coerce.number().int().min(0).max(2 ** 31 - 1).default(1),
  window: z.coerce.number().int().min(1).max(365).default(90),
});

/** `interval=week` adds the week-by-week series to the window's quality figures. */
export const qualityQuerySchema = z.object({ interval: z.enum(['week']).optional() });

export const summaryQuerySchema = z.object({ by: z.enum(['board', 'team', 'portfolio']).default('board') });

export const roamChangeSchema = z.object({
  roam: z.enum(['resolved', 'owned', 'accepted', 'mitigated']),
  owner: z.string().trim().min(1).max(200).nullish(),
  note: z.string().max(4000).nullish(),
});
