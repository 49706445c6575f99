import { fixture, testContext } from '../../testing/trello-fixtures';
import { trelloActionSchema, type TrelloAction } from '../schema/trello-action.schema';
import { trelloActionToEvents } from './trello-action.normaliser';

const action = (name: string): TrelloAction => trelloActionSchema.parse(fixture<{ action: unknown }>('webhooks', name).action);
const events = (a: TrelloAction) => {
  const result = trelloActionToEvents(a, testContext);
  if (result.kind !== 'events') throw new Error('ignored');
  return result.events;
};

describe('cards moved between boards', () => {
  const from = action('move-card-from-board.json');
  const to = action('move-card-to-board.json');

  it('are two Trello actions with their own ids', () => {
    expect(from.id).not.toBe(to.id);
    expect(from.data.card?.id).toBe(to.data.card?.id);
  });

  it('give one WorkItemMoved whichever board reports it', () => {
    const [movedFrom] = events(from);
    const [movedTo] = events(to);
    expect(movedFrom?.eventId).toBe(movedTo?.eventId);
    const payload = { fromBoardId: '64f19a00a2d3e4f5061728aa', toBoardId: '651a7880c4d5e6f708192a3b', fromKey: 'Qz8nV4tK', toKey: 'Qz8nV4tK' };
    expect(movedFrom).toMatchObject({ type: 'WorkItemMoved', boardId: payload.toBoardId, payload });
    expect(movedTo).toMatchObject({ type: 'WorkItemMoved', boardId: payload.toBoardId, payload });
  });

  it('the target board also reports the list the card landed in', () => {
    const [, status] = events(to);
    expect(status).toMatchObject({
      type: 'WorkItemStatusChanged',
      sequence: 1,
      payload: { from: null, to: { id: '651a7885c4d5e6f708192a41', name: 'To Do', category: null } },
    });
  });

  it('a later move of the same card between the same boards is a new event', () => {
    const later = { ...to, id: '661000000000000000000001', date: '2024-04-05T10:00:00.000Z' };
    expect(events(later)[0]?.eventId).not.toBe(events(to)[0]?.eventId);
  });
});
