import type { NormalisationContext } from '@flowlens/contracts';
import { trelloBoardExportSchema } from '../schema/trello-board.schema';
import { parseOrReject } from '../schema/zod-details.util';
import { trelloActionsToEvents, type TrelloHistoryResult } from './trello-history.converter';

/**
 * A board's JSON export -> the same events as its webhooks and back-fill. Exports hold at most the
 * latest 1,000 actions, so older cards come in as synthetic creations. Throws PayloadSchemaError when
 * the file is not a board export.
 */
export function trelloExportToEvents(body: unknown, ctx: NormalisationContext): TrelloHistoryResult {
  const board = parseOrReject(trelloBoardExportSchema, body, 'Trello board export');
  return trelloActionsToEvents(board.actions, board.lists, {
    ...ctx,
    board: { id: board.id, name: board.name },
    cards: board.cards,
    members: board.members ?? [],
  });
}
