import { deterministicEventId, type CanonicalEvent } from '@flowlens/contracts';
import { fixture, fixtureNames, testContext } from '../../testing/trello-fixtures';
import type { TrelloList } from '../schema/trello-board.schema';
import { TrelloWebhookConnector } from '../trello-webhook.connector';
import { trelloActionsToEvents, type TrelloHistoryContext } from './trello-history.converter';

interface Delivery {
  action: { id: string; type: string; data: { board?: { id: string; name?: string } } };
}
const connector = new TrelloWebhookConnector();
const exported = fixture<{ id: string; name: string; lists: TrelloList[] }>('exports', 'platform-delivery.json');
const history = (boardId: string): TrelloHistoryContext => ({ ...testContext, board: { id: boardId, name: 'Board' } });

describe('trelloActionsToEvents', () => {
  it.each(fixtureNames('webhooks'))('gives the same events for %s as the webhook does', (name) => {
    const delivery = fixture<Delivery>('webhooks', name);
    const fromWebhook = connector.normalise(delivery, testContext);
    const boardId = delivery.action.data.board?.id ?? exported.id;
    const fromHistory = trelloActionsToEvents([delivery.action], exported.lists, history(boardId));
    const sameAction = fromHistory.events.filter((e) => e.sourceEventId === delivery.action.id);
    // A history needs no observation of the card: it holds every action of it.
    const changes = fromWebhook.kind === 'events' ? fromWebhook.events.filter((e) => e.type !== 'WorkItemObserved') : [];
    expect(sameAction).toEqual(changes);
    if (changes.length === 0) expect(fromHistory.ignored).toEqual([{ actionId: delivery.action.id, type: delivery.action.type, reason: expect.any(String) }]);
  });

  it('accepts pages in any order and a repeated action once', () => {
    const actions = fixtureNames('webhooks')
      .map((name) => fixture<Delivery>('webhooks', name).action)
      .filter((a) => a.data.board?.id === exported.id);
    const forward = trelloActionsToEvents(actions, exported.lists, history(exported.id));
    const shuffled = trelloActionsToEvents([...actions.slice(5), ...actions.slice(0, 7)].reverse(), exported.lists, history(exported.id));
    const ids = (events: CanonicalEvent[]) => events.map((e) => e.eventId);
    expect(ids(shuffled.events)).toEqual(ids(forward.events));
  });

  it('reports actions that are not Trello actions or cannot be converted, and converts the rest', () => {
    const create = fixture<Delivery>('webhooks', 'create-card.json').action;
    const broken = fixture<Delivery>('not-ok', 'normalise-create-card-without-list.json').action;
    const result = trelloActionsToEvents([create, { id: 'x1', type: 'createCard' }, 42, broken], exported.lists, history(exported.id));
    expect(result.failed).toEqual([
      { kind: 'action', id: 'x1', reason: expect.stringContaining('not a Trello action') },
      { kind: 'action', id: null, reason: expect.stringContaining('not a Trello action') },
      { kind: 'action', id: broken.id, reason: expect.stringContaining('no card list') },
    ]);
    expect(result.events.filter((e) => e.type === 'WorkItemCreated').map((e) => e.sourceEventId)).toContain(create.id);
  });

  it('synthesises creations only for cards without one, with a stable id', () => {
    const card = { id: '6540aa00aaaaaaaaaaaaaaaa', name: 'Old card', idList: exported.lists[0]?.id ?? '', shortLink: 'OldC4rd1' };
    const run = () => trelloActionsToEvents([], exported.lists, { ...history(exported.id), cards: [card] });
    const [created] = run().events.filter((e) => e.type === 'WorkItemCreated');
    expect(created).toMatchObject({
      eventId: deterministicEventId('ws-acme', 'trello', 'card', card.id, 'synthetic-created'),
      occurredAt: '2023-10-31T07:17:20.000Z',
      itemKey: 'OldC4rd1',
      payload: { status: { name: 'Backlog' } },
    });
    expect(run().events.map((e) => e.eventId)).toEqual(run().events.map((e) => e.eventId));
  });

  it('reports a card whose list cannot be known instead of inventing one', () => {
    const result = trelloActionsToEvents([], [], { ...history(exported.id), cards: [{ id: '6540aa00aaaaaaaaaaaaaaab', name: 'x', idList: '' }] });
    expect(result.failed).toEqual([{ kind: 'card', id: '6540aa00aaaaaaaaaaaaaaab', reason: expect.stringContaining('status.name') }]);
    expect(result.events.map((e) => e.type)).toEqual(['BoardUpserted']);
    const orphan = trelloActionsToEvents([fixture<Delivery>('webhooks', 'add-member-to-card.json').action], [], history(exported.id));
    expect(orphan.failed).toEqual([{ kind: 'card', id: expect.any(String), reason: expect.stringContaining('no list known') }]);
  });

  it('gives a new BoardUpserted id when the list set changes', () => {
    const before = trelloActionsToEvents([], exported.lists, history(exported.id)).events[0];
    const renamed = exported.lists.map((l, i) => (i === 3 ? { ...l, name: 'Code Review' } : l));
    const after = trelloActionsToEvents([], renamed, history(exported.id)).events[0];
    expect(before?.type).toBe('BoardUpserted');
    expect(after?.eventId).not.toBe(before?.eventId);
  });
});
