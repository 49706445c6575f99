import { z } from 'zod';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Repeated (`?boardId=A&boardId=B`) or comma-separated values. */
export const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean)));

const localDate = z
  .string()
  .regex(DATE, 'must be a date YYYY-MM-DD')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'is not a calendar date');

export const metricQuerySchema = z.object({
  from: localDate.optional(),
  to: localDate.optional(),
  boardId: list,
  type: list,
  team: list,
  /** Teams and portfolios (ids): the union of their boards, intersected with boardId (board-scope). */
  teamId: list,
  portfolioId: list,
  /** A past instant (ISO-8601); the answer is what the platform would have said then. */
  asOf: z
    .string()
    .refine((v) => !Number.isNaN(Date.parse(v)), 'must be an ISO-8601 instant')
    .optional(),
});
export type MetricQuery = z.infer<typeof metricQuerySchema>;

export const intervalSchema = z.object({ interval: z.enum(['day', 'week']).default('day') });
