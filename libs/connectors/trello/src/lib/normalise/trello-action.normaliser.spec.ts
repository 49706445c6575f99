import { deterministicEventId, NormalisationError, type CanonicalEvent } from '@flowlens/contracts';
import { fixture, testContext } from '../../testing/trello-fixtures';
import { trelloActionSchema, type TrelloAction } from '../schema/trello-action.schema';
import { trelloActionToEvents } from './trello-action.normaliser';

const BOARD = '651a7880c4d5e6f708192a3b';
const CARD = '65e5907f8f1a2b0c3d4e5f60';
const list = (suffix: string, name: string) => ({ id: `651a7885c4d5e6f708192a${suffix}`, name, category: null });
const LISTS = { backlog: list('40', 'Backlog'), todo: list('41', 'To Do'), doing: list('42', 'In Progress') };

const action = (name: string): TrelloAction => trelloActionSchema.parse(fixture<{ action: unknown }>('webhooks', name).action);
const run = (a: TrelloAction, lookup = {}): CanonicalEvent[] => {
  const result = trelloActionToEvents(a, testContext, lookup);
  if (result.kind !== 'events') throw new Error(`ignored: ${result.reason}`);
  return result.events;
};
const only = (a: TrelloAction) => {
  const [event, ...rest] = run(a);
  expect(rest).toHaveLength(0);
  return event;
};

describe('trelloActionToEvents', () => {
  it('createCard -> WorkItemCreated in its list, keyed by the short link', () => {
    const a = action('create-card.json');
    expect(only(a)).toEqual({
      eventId: deterministicEventId('ws-acme', 'trello', a.id, 'created'),
      workspaceId: 'ws-acme',
      connectorId: 'conn-trello-1',
      source: 'trello',
      sourceEventId: a.id,
      occurredAt: '2024-03-04T09:12:31.418Z',
      receivedAt: testContext.receivedAt,
      sequence: 0,
      schemaVersion: 1,
      boardId: BOARD,
      itemId: CARD,
      itemKey: 'aB3dE5fG',
      type: 'WorkItemCreated',
      payload: {
        status: LISTS.backlog,
        fields: {
          title: 'Café checkout – retry failed payments',
          type: null,
          priority: null,
          assignee: null,
          labels: [],
          components: [],
          fixVersions: [],
          estimate: null,
          dueDate: null,
          parentId: null,
          sprintIds: [],
          team: null,
          archived: false,
        },
      },
    });
  });

  it('copyCard -> WorkItemCreated for the new card, not the source', () => {
    const event = only(action('copy-card.json'));
    expect(event).toMatchObject({ type: 'WorkItemCreated', itemId: '660693c01c2b3d4e5f607182', itemKey: 'mN6pR2sT' });
    expect(event?.type === 'WorkItemCreated' && event.payload.status).toEqual(LISTS.todo);
  });

  it('updateCard between lists -> WorkItemStatusChanged from/to with list ids and names', () => {
    expect(only(action('update-card-moved-list.json'))).toMatchObject({
      type: 'WorkItemStatusChanged',
      itemId: CARD,
      payload: { from: LISTS.todo, to: LISTS.doing },
    });
  });

  it('updateCard closed true/false -> WorkItemUpdated archived', () => {
    expect(only(action('update-card-archived.json'))).toMatchObject({ type: 'WorkItemUpdated', payload: { changes: { archived: true } } });
    expect(only(action('update-card-unarchived.json'))).toMatchObject({ type: 'WorkItemUpdated', payload: { changes: { archived: false } } });
  });

  it('updateCard due -> dueDate as the UTC date of the instant, null when removed', () => {
    expect(only(action('update-card-due-added.json'))).toMatchObject({ payload: { changes: { dueDate: '2024-03-29' } } });
    expect(only(action('update-card-due-removed.json'))).toMatchObject({ payload: { changes: { dueDate: null } } });
  });

  it('updateCard name -> title', () => {
    expect(only(action('update-card-renamed.json'))).toMatchObject({
      payload: { changes: { title: 'Café checkout – retry failed payments' } },
    });
  });

  it.each([['update-card-position.json', /pos/], ['update-card-description.json', /desc/]])(
    '%s changes no tracked field and is ignored with the reason',
    (name, reason) => {
      const result = trelloActionToEvents(action(name), testContext);
      expect(result).toEqual({ kind: 'ignored', reason: expect.stringMatching(reason) });
    },
  );

  it('one updateCard with several changes gives a status change then one update, in sequence', () => {
    const a = action('update-card-moved-list.json');
    const combined = { ...a, data: { ...a.data, card: { ...a.data.card, closed: true, name: 'Renamed' }, old: { idList: 'x', closed: false, name: 'Old' } } };
    const events = run(combined);
    expect(events.map((e) => [e.type, e.sequence])).toEqual([['WorkItemStatusChanged', 0], ['WorkItemUpdated', 1]]);
    expect(events[1]).toMatchObject({ payload: { changes: { archived: true, title: 'Renamed' } } });
    expect(new Set(events.map((e) => e.eventId)).size).toBe(2);
  });

  it('resolves missing list names through the lookup, and dead-letters without one', () => {
    const a = action('update-card-moved-list.json');
    const bare = { ...a, data: { card: a.data.card, board: a.data.board, old: { idList: LISTS.todo.id } } };
    const names = new Map([[LISTS.todo.id, 'To Do'], [LISTS.doing.id, 'In Progress']]);
    expect(run(bare, { listName: (id: string) => names.get(id) })).toMatchObject([
      { type: 'WorkItemStatusChanged', payload: { from: LISTS.todo, to: LISTS.doing } },
    ]);
    expect(() => run(bare)).toThrow(NormalisationError);
    expect(() => run(bare)).toThrow(/has no name/);
  });

  it('deleteCard -> WorkItemDeleted; without a short link the card id is the key', () => {
    expect(only(action('delete-card.json'))).toMatchObject({ type: 'WorkItemDeleted', itemId: CARD, itemKey: CARD, payload: {} });
    expect(run(action('delete-card.json'), { cardKey: () => 'aB3dE5fG' })[0]?.itemKey).toBe('aB3dE5fG');
  });

  it('addMemberToCard -> assignee is the added member, named from the action member', () => {
    expect(only(action('add-member-to-card.json'))).toMatchObject({
      type: 'WorkItemUpdated',
      payload: { changes: { assignee: { id: '60a1b2c3d4e5f60718293a4b', name: 'Tomás Müller' } } },
    });
    expect(only(action('add-member-self.json'))).toMatchObject({
      payload: { changes: { assignee: { id: '5f8e2c1a9b3d4e0012ab34cd', name: 'Ana Ruiz' } } },
    });
  });

  it('removeMemberFromCard -> assignee cleared', () => {
    expect(only(action('remove-member-from-card.json'))).toMatchObject({ type: 'WorkItemUpdated', payload: { changes: { assignee: null } } });
  });

  it('a label named blocked in any case blocks and unblocks with reason label', () => {
    expect(only(action('add-label-blocked.json'))).toMatchObject({ type: 'WorkItemBlocked', payload: { reason: 'label', note: null } });
    expect(only(action('remove-label-blocked.json'))).toMatchObject({ type: 'WorkItemUnblocked', payload: { reason: 'label' } });
    const shouting = action('add-label-blocked.json');
    const upper = { ...shouting, data: { ...shouting.data, label: { ...shouting.data.label, name: ' BLOCKED ' } } };
    expect(only(upper)?.type).toBe('WorkItemBlocked');
  });

  it('other labels, comments, lists and unknown actions are ignored with a reason', () => {
    for (const name of ['add-label-other.json', 'comment-card.json', 'create-list.json', 'update-list-renamed.json', 'update-board-renamed.json']) {
      const result = trelloActionToEvents(action(name), testContext);
      expect(result.kind).toBe('ignored');
    }
    expect(trelloActionToEvents(action('add-label-other.json'), testContext)).toEqual({ kind: 'ignored', reason: expect.stringContaining('Frontend') });
  });

  it('ignores an untracked label even without a card, but dead-letters a blocked label without one', () => {
    const other = action('add-label-other.json');
    expect(trelloActionToEvents({ ...other, data: { ...other.data, card: undefined } }, testContext).kind).toBe('ignored');
    const blocked = action('add-label-blocked.json');
    expect(() => run({ ...blocked, data: { ...blocked.data, card: undefined } })).toThrow(/no card id/);
  });

  it('uses the webhook model board when the action names none', () => {
    const a = action('add-member-to-card.json');
    const withoutBoard = { ...a, data: { ...a.data, board: undefined } };
    expect(run(withoutBoard, { boardId: 'board-from-model' })[0]?.boardId).toBe('board-from-model');
    expect(() => run(withoutBoard)).toThrow(/no board id/);
  });
});
