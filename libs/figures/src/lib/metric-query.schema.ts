import { z } from 'zod';
import { calendarDateSchema, instantMsSchema } from '@flowlens/contracts';

const MAX_LIST_VALUES = 200;
const MAX_ID_LENGTH = 200;

/** Repeated (`?boardId=A&boardId=B`) or comma-separated values. */
export const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean)))
  .refine((values) => values.length <= MAX_LIST_VALUES, `may hold at most ${MAX_LIST_VALUES} values`)
  .refine((values) => values.every((value) => value.length <= MAX_ID_LENGTH), `each value may be at most ${MAX_ID_LENGTH} characters`);

export const metricQuerySchema = z.object({
  from: calendarDateSchema.optional(),
  to: calendarDateSchema.optional(),
  boardId: list,
  type: list,
  team: list,
  /** Teams and portfolios (ids): the union of their boards, intersected with boardId (board-scope). */
  teamId: list,
  portfolioId: list,
  /** A past instant (ISO-8601); the answer is what the platform would have said then. */
  asOf: instantMsSchema.optional(),
  /**
   * With asOf: count the events received by this instant (default asOf itself). `knownAt` = now
   * gives the state at asOf as everything known now tells it (hindsight; what back-tests use).
   */
  knownAt: instantMsSchema.optional(),
});
export type MetricQuery = z.infer<typeof metricQuerySchema>;

export const intervalSchema = z.object({ interval: z.enum(['day', 'week']).default('day') });
