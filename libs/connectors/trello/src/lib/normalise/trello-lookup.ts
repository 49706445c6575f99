/**
 * What a conversion may know beyond the action itself. Webhooks know nothing more (except the
 * watched model's board); history and file imports know the board's lists and cards.
 */
export interface TrelloLookup {
  /** Board id to use when an action carries no `data.board`. */
  readonly boardId?: string | null;
  /** List name by id, for old actions that carry list ids without names. */
  readonly listName?: (listId: string) => string | undefined;
  /** Card short link by card id, for actions without `card.shortLink` (e.g. deleteCard). */
  readonly cardKey?: (cardId: string) => string | undefined;
}
