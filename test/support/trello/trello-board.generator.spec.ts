import { trelloActionSchema, trelloCardSchema, trelloListSchema } from '@flowlens/connector-trello';
import { generateTrelloBoard } from './trello-board.generator';

describe('generateTrelloBoard', () => {
  const board = generateTrelloBoard();

  it('is deterministic for a seed and differs across seeds', () => {
    expect(JSON.stringify(generateTrelloBoard())).toBe(JSON.stringify(board));
    expect(generateTrelloBoard({ seed: 7 }).board.id).not.toBe(board.board.id);
  });

  it('is big: at least 300 cards and more than 1,000 actions', () => {
    expect(board.cards.length).toBeGreaterThanOrEqual(300);
    expect(board.actions.length).toBeGreaterThan(1000);
    expect(board.stats.cardsCreatedBeforeHistory).toBeGreaterThan(50);
  });

  it('orders actions newest first with unique ObjectIds that follow their dates', () => {
    const ids = board.actions.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort().reverse()).toEqual(ids);
    for (const a of board.actions) expect(parseInt(a.id.slice(0, 8), 16)).toBe(Math.floor(Date.parse(a.date) / 1000));
    expect(board.actions.every((a) => a.date >= board.historyStart)).toBe(true);
  });

  it('produces payloads the connector schemas accept', () => {
    for (const a of board.actions) trelloActionSchema.parse(a);
    for (const c of board.cards) trelloCardSchema.parse(c);
    for (const l of board.lists) trelloListSchema.parse(l);
    const types = new Set(board.actions.map((a) => a.type));
    for (const t of ['createCard', 'copyCard', 'updateCard', 'deleteCard', 'moveCardToBoard', 'moveCardFromBoard', 'addMemberToCard', 'removeMemberFromCard', 'addLabelToCard', 'removeLabelFromCard', 'commentCard']) {
      expect(types).toContain(t);
    }
  });
});
