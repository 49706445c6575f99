import { z } from 'zod';

/**
 * Where an action back-fill stands, as plain JSON so a job can store it and resume after a crash.
 * `before` is the oldest action id already handed out; the next page asks for actions older than it.
 */
export const trelloBackfillCheckpointSchema = z.object({
  version: z.literal(1),
  boardId: z.string().min(1),
  before: z.string().min(1).nullable(),
  fetched: z.number().int().nonnegative(),
  pages: z.number().int().nonnegative(),
  done: z.boolean(),
});
export type TrelloBackfillCheckpoint = z.infer<typeof trelloBackfillCheckpointSchema>;

export function initialTrelloCheckpoint(boardId: string): TrelloBackfillCheckpoint {
  return { version: 1, boardId, before: null, fetched: 0, pages: 0, done: false };
}

/** Reads a stored checkpoint (object or JSON text); throws a RangeError naming the problem. */
export function parseTrelloCheckpoint(stored: unknown): TrelloBackfillCheckpoint {
  let value = stored;
  if (typeof stored === 'string') {
    try {
      value = JSON.parse(stored);
    } catch {
      throw new RangeError('Trello back-fill checkpoint is not JSON');
    }
  }
  const parsed = trelloBackfillCheckpointSchema.safeParse(value);
  if (!parsed.success) {
    throw new RangeError(`invalid Trello back-fill checkpoint: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  }
  return parsed.data;
}
