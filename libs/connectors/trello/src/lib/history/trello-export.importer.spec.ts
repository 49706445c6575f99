import { canonicalEventSchema, deterministicEventId, PayloadSchemaError, type CanonicalEvent } from '@flowlens/contracts';
import { fixture, testContext } from '../../testing/trello-fixtures';
import { trelloExportToEvents } from './trello-export.importer';

interface ExportFixture {
  id: string;
  cards: Array<{ id: string; name: string }>;
  lists: Array<{ id: string; name: string }>;
  actions: Array<{ id: string; type: string }>;
}
const exported = fixture<ExportFixture>('exports', 'platform-delivery.json');
const cardId = (name: string) => exported.cards.find((c) => c.name === name)?.id ?? '';
const listId = (name: string) => exported.lists.find((l) => l.name === name)?.id ?? '';
const result = trelloExportToEvents(exported, testContext);
const ofCard = (id: string) => result.events.filter((e) => e.itemId === id);
const synthetic = (id: string) => result.events.find((e) => e.eventId === deterministicEventId('ws-acme', 'trello', 'card', id, 'synthetic-created'));

describe('trelloExportToEvents', () => {
  it('converts every action it can, ignores the untracked ones and fails none', () => {
    expect(result.failed).toEqual([]);
    expect(result.ignored.map((i) => i.type).sort()).toEqual(['addLabelToCard', 'commentCard', 'createList', 'updateCard', 'updateList']);
    expect(result.events).toHaveLength(27);
    for (const event of result.events) expect(canonicalEventSchema.parse(event)).toEqual(event);
  });

  it('orders events by occurredAt, then sequence', () => {
    const keys = result.events.map((e) => `${e.occurredAt}#${e.sequence}`);
    expect([...keys].sort()).toEqual(keys);
  });

  it('sends the list set as BoardUpserted in board order, archived lists included', () => {
    const board = result.events.find((e) => e.type === 'BoardUpserted');
    expect(board).toMatchObject({ boardId: exported.id, itemId: null, itemKey: null, occurredAt: testContext.receivedAt });
    expect(board?.type === 'BoardUpserted' && board.payload.statuses.map((s) => s.name)).toEqual([
      'Backlog',
      'To Do',
      'In Progress',
      'Review',
      'Done',
      'Old Ideas',
    ]);
  });

  it('uses the real creation action when the history has one', () => {
    const created = ofCard(cardId('Café checkout – retry failed payments')).filter((e) => e.type === 'WorkItemCreated');
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ occurredAt: '2024-03-04T09:12:31.418Z', payload: { fields: { title: 'Retry failed payments' }, status: { name: 'Backlog' } } });
  });

  it('synthesises a creation at the id time in the state before the first recorded change', () => {
    const onboarding = cardId('Onboarding checklist v2');
    expect(synthetic(onboarding)).toMatchObject({
      type: 'WorkItemCreated',
      sourceEventId: `card:${onboarding}`,
      occurredAt: '2023-11-15T10:20:00.000Z',
      itemKey: 'Hq2wE4rT',
      payload: { status: { id: listId('Review'), name: 'Review' }, fields: { title: 'Onboarding checklist v2', assignee: { id: '60a1b2c3d4e5f60718293a4b', name: 'Tomás Müller' } } },
    });
    const renamed = cardId('Search bar with filters');
    expect(synthetic(renamed)).toMatchObject({ payload: { status: { name: 'To Do' }, fields: { title: 'Search bar' } } });
    const archived = cardId('Legacy export cleanup');
    expect(synthetic(archived)).toMatchObject({ payload: { fields: { archived: false } } });
    expect(ofCard(archived).map((e) => e.type)).toEqual(['WorkItemCreated', 'WorkItemUpdated']);
  });

  it('a card blocked before the history starts gets a synthetic WorkItemBlocked', () => {
    const flaky = cardId('Flaky e2e on CI');
    expect(ofCard(flaky).map((e) => [e.type, e.sequence])).toEqual([['WorkItemCreated', 0], ['WorkItemBlocked', 1]]);
    expect(synthetic(flaky)).toMatchObject({ payload: { fields: { dueDate: '2024-04-05', assignee: { id: '60a1b2c3d4e5f60718293a4b' } } } });
  });

  it('a card that arrived from another board is created there, then moved and placed in its list', () => {
    const spike = cardId('Spike: wallet top-ups');
    const events = ofCard(spike);
    expect(events.map((e) => e.type)).toEqual(['WorkItemCreated', 'WorkItemMoved', 'WorkItemStatusChanged', 'WorkItemStatusChanged']);
    expect(events[0]).toMatchObject({ boardId: '64f19a00a2d3e4f5061728aa', occurredAt: '2024-03-10T15:00:00.000Z' });
    expect(events[1]).toMatchObject({ boardId: exported.id, payload: { fromBoardId: '64f19a00a2d3e4f5061728aa', toBoardId: exported.id } });
  });

  it('a deleted card keeps its creation and gets WorkItemDeleted', () => {
    const deleted = exported.actions.find((a) => a.type === 'deleteCard');
    const events = result.events.filter((e) => e.sourceEventId === deleted?.id);
    expect(events.map((e) => e.type)).toEqual(['WorkItemDeleted']);
    expect(ofCard(events[0]?.itemId ?? '').map((e) => e.type)).toEqual(['WorkItemCreated', 'WorkItemDeleted']);
  });

  it('is stable: importing twice, or later, gives the same ids', () => {
    const again = trelloExportToEvents(exported, { ...testContext, receivedAt: '2024-06-01T00:00:00.000Z' });
    const ids = (events: CanonicalEvent[]) => events.filter((e) => e.type !== 'BoardUpserted').map((e) => e.eventId).sort();
    expect(ids(again.events)).toEqual(ids(result.events));
    expect(again.events.find((e) => e.type === 'BoardUpserted')?.eventId).toBe(result.events.find((e) => e.type === 'BoardUpserted')?.eventId);
  });

  it('rejects a file that is not a board export with PayloadSchemaError', () => {
    expect(() => trelloExportToEvents(fixture('not-ok', 'export-not-a-board.json'), testContext)).toThrow(PayloadSchemaError);
    expect(() => trelloExportToEvents('{"id":1}', testContext)).toThrow(PayloadSchemaError);
  });
});
