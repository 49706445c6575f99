import { createHash } from 'node:crypto';
import { canonicalEventSchema, NormalisationError, PayloadSchemaError, type CanonicalEvent } from '@flowlens/contracts';
import { APP_SECRET, CALLBACK_URL, fixture, fixtureNames, fixtureText, testContext } from '../testing/trello-fixtures';
import { trelloSignature } from './signature/trello-signature.util';
import { TrelloWebhookConnector } from './trello-webhook.connector';

const connector = new TrelloWebhookConnector();
const credentials = { secret: APP_SECRET, callbackUrl: CALLBACK_URL };
const request = (body: Buffer, signature?: string) => ({ rawBody: body, headers: { 'x-trello-webhook': signature } });
const events = (name: string): CanonicalEvent[] => {
  const result = connector.normalise(fixture('webhooks', name), testContext);
  if (result.kind !== 'events') throw new Error(`${name} was ignored: ${result.reason}`);
  return result.events;
};

describe('TrelloWebhookConnector', () => {
  it('is the trello source', () => {
    expect(connector.source).toBe('trello');
  });

  describe('verify', () => {
    const body = Buffer.from(JSON.stringify(fixture('webhooks', 'update-card-moved-list.json')));

    it('checks the x-trello-webhook header against the connector secret and callback URL', () => {
      const signature = trelloSignature(body, APP_SECRET, CALLBACK_URL);
      expect(connector.verify(request(body, signature), credentials)).toBe(true);
      expect(connector.verify(request(body), credentials)).toBe(false);
      expect(connector.verify(request(body, signature), { secret: APP_SECRET, callbackUrl: null })).toBe(false);
      expect(connector.verify(request(body, signature), { secret: null, callbackUrl: CALLBACK_URL })).toBe(false);
    });

    it('fails when a proxy changed the URL and the connector still has the old one', () => {
      const signature = trelloSignature(body, APP_SECRET, 'https://proxy.internal/trello/hook');
      expect(connector.verify(request(body, signature), credentials)).toBe(false);
      expect(connector.verify(request(body, signature), { secret: APP_SECRET, callbackUrl: 'https://proxy.internal/trello/hook' })).toBe(true);
    });
  });

  describe('deliveryId', () => {
    it('is the action id, the same for every retry of the delivery', () => {
      const body = Buffer.from(fixtureText('webhooks', 'create-card.json'));
      const { action } = fixture<{ action: { id: string } }>('webhooks', 'create-card.json');
      expect(connector.deliveryId(request(body))).toBe(action.id);
      expect(connector.deliveryId(request(Buffer.from(JSON.stringify(JSON.parse(body.toString())))))).toBe(action.id);
    });

    it('falls back to the body hash when the body has no readable action id', () => {
      for (const text of ['{"action":', '[1,2]', '{"action":{"id":42}}', 'null']) {
        const body = Buffer.from(text);
        expect(connector.deliveryId(request(body))).toBe(createHash('sha256').update(body).digest('hex'));
      }
    });
  });

  describe('normalise', () => {
    it.each(fixtureNames('webhooks'))('%s gives only valid canonical events of the trello source', (name) => {
      const result = connector.normalise(fixture('webhooks', name), testContext);
      if (result.kind === 'ignored') {
        expect(result.reason.length).toBeGreaterThan(10);
        return;
      }
      expect(result.events.length).toBeGreaterThan(0);
      for (const event of result.events) {
        expect(canonicalEventSchema.parse(event)).toEqual(event);
        expect(event).toMatchObject({ source: 'trello', workspaceId: 'ws-acme', connectorId: 'conn-trello-1', receivedAt: testContext.receivedAt });
      }
    });

    it('maps each fixture to the expected event types', () => {
      const types = (name: string) => {
        const result = connector.normalise(fixture('webhooks', name), testContext);
        return result.kind === 'events' ? result.events.map((e) => e.type) : 'ignored';
      };
      expect(Object.fromEntries(fixtureNames('webhooks').map((name) => [name, types(name)]))).toEqual({
        'add-label-blocked.json': ['WorkItemBlocked'],
        'add-label-other.json': 'ignored',
        'add-member-self.json': ['WorkItemUpdated'],
        'add-member-to-card.json': ['WorkItemUpdated'],
        'comment-card.json': ['WorkItemObserved'],
        'copy-card.json': ['WorkItemCreated'],
        'create-card.json': ['WorkItemCreated'],
        'create-list.json': 'ignored',
        'delete-card.json': ['WorkItemDeleted'],
        'move-card-from-board.json': ['WorkItemMoved'],
        'move-card-to-board.json': ['WorkItemMoved', 'WorkItemStatusChanged', 'WorkItemObserved'],
        'remove-label-blocked.json': ['WorkItemUnblocked'],
        'remove-member-from-card.json': ['WorkItemUpdated'],
        'update-board-renamed.json': 'ignored',
        'update-card-archived.json': ['WorkItemUpdated', 'WorkItemObserved'],
        'update-card-description.json': ['WorkItemObserved'],
        'update-card-due-added.json': ['WorkItemUpdated', 'WorkItemObserved'],
        'update-card-due-removed.json': ['WorkItemUpdated', 'WorkItemObserved'],
        'update-card-moved-list.json': ['WorkItemStatusChanged', 'WorkItemObserved'],
        'update-card-position.json': ['WorkItemObserved'],
        'update-card-renamed.json': ['WorkItemUpdated', 'WorkItemObserved'],
        'update-card-unarchived.json': ['WorkItemUpdated', 'WorkItemObserved'],
        'update-list-renamed.json': 'ignored',
      });
    });

    it('makes a card first seen through a comment known in the list the action names', () => {
      const result = connector.normalise(fixture('webhooks', 'comment-card.json'), testContext);
      const [observed] = result.kind === 'events' ? result.events : [];
      expect(observed).toMatchObject({
        type: 'WorkItemObserved',
        itemId: '65e5907f8f1a2b0c3d4e5f60',
        itemKey: 'aB3dE5fG',
        boardId: '651a7880c4d5e6f708192a3b',
        payload: { status: { id: '651a7885c4d5e6f708192a42', name: 'In Progress', category: null }, fields: { title: 'Café checkout – retry failed payments' } },
      });
    });

    it('observes a card moved between lists in the list it landed in, after the status change', () => {
      const result = connector.normalise(fixture('webhooks', 'update-card-moved-list.json'), testContext);
      const events = result.kind === 'events' ? result.events : [];
      const change = events.find((e) => e.type === 'WorkItemStatusChanged');
      const observed = events.find((e) => e.type === 'WorkItemObserved');
      expect(change && observed && observed.sequence > change.sequence).toBe(true);
      expect(observed?.payload).toMatchObject({ status: change?.type === 'WorkItemStatusChanged' ? change.payload.to : null });
    });

    it('gives the same event ids on re-delivery and in any arrival order', () => {
      const names = fixtureNames('webhooks');
      const first = names.flatMap((name) => connector.normalise(fixture('webhooks', name), testContext)).flatMap((r) => (r.kind === 'events' ? r.events : []));
      const later = { ...testContext, receivedAt: '2024-05-01T00:00:00.000Z' };
      const again = [...names].reverse().flatMap((name) => connector.normalise(fixture('webhooks', name), later)).flatMap((r) => (r.kind === 'events' ? r.events : []));
      const ids = (list: CanonicalEvent[]) => list.map((e) => e.eventId).sort();
      expect(ids(again)).toEqual(ids(first));
      // Only the cross-board move collapses: both boards' actions describe the same change.
      const moves = first.filter((e) => e.type === 'WorkItemMoved');
      expect(moves).toHaveLength(2);
      expect(moves[0]?.eventId).toBe(moves[1]?.eventId);
      expect(new Set(ids(first)).size).toBe(first.length - 1);
    });

    it('scopes event ids to the workspace', () => {
      const [a] = events('create-card.json');
      const other = connector.normalise(fixture('webhooks', 'create-card.json'), { ...testContext, workspaceId: 'ws-other' });
      expect(other.kind === 'events' && other.events[0]?.eventId).not.toBe(a?.eventId);
    });

    it.each([
      ['schema-array-body.json'],
      ['schema-no-action.json'],
      ['schema-wrong-types.json'],
    ])('rejects %s with PayloadSchemaError and details', (name) => {
      const attempt = () => connector.normalise(fixture('not-ok', name), testContext);
      expect(attempt).toThrow(PayloadSchemaError);
      try {
        attempt();
      } catch (error) {
        expect((error as PayloadSchemaError).details.length).toBeGreaterThan(0);
      }
    });

    it('names the offending fields of a wrongly typed action', () => {
      try {
        connector.normalise(fixture('not-ok', 'schema-wrong-types.json'), testContext);
        throw new Error('expected a PayloadSchemaError');
      } catch (error) {
        expect((error as PayloadSchemaError).details.map((d) => d.path).sort()).toEqual(['action.data.card.idShort', 'action.date', 'action.id']);
      }
    });

    it.each([
      ['normalise-list-move-without-card-id.json', /no card id/],
      ['normalise-create-card-without-list.json', /no card list/],
      ['normalise-move-to-board-without-source.json', /no source board/],
      ['normalise-due-unreadable.json', /unreadable due date/],
    ])('dead-letters %s with NormalisationError', (name, reason) => {
      const attempt = () => connector.normalise(fixture('not-ok', name), testContext);
      expect(attempt).toThrow(NormalisationError);
      expect(attempt).toThrow(reason);
    });
  });
});
