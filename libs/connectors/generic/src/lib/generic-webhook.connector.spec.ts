import { createHash } from 'node:crypto';
import { canonicalEventSchema, deterministicEventId, PayloadSchemaError, type CanonicalEvent } from '@flowlens/contracts';
import { fixture, fixtureNames, fixtureText, testContext } from '../testing/generic-fixtures';
import { signGenericBody } from './generic-signature.util';
import { GenericWebhookConnector } from './generic-webhook.connector';

const connector = new GenericWebhookConnector();
const events = (body: unknown, ctx = testContext): CanonicalEvent[] => {
  const result = connector.normalise(body, ctx);
  if (result.kind !== 'events') throw new Error('ignored');
  return result.events;
};
const schemaError = (body: unknown): PayloadSchemaError => {
  try {
    connector.normalise(body, testContext);
  } catch (error) {
    if (error instanceof PayloadSchemaError) return error;
    throw error;
  }
  throw new Error('expected a PayloadSchemaError');
};

describe('GenericWebhookConnector', () => {
  describe('verify', () => {
    const body = Buffer.from(fixtureText('ok', 'batch-lifecycle.json'));
    const secret = 'whsec_5f1c2d9e8b7a4c3d2e1f0a9b8c7d6e5f';
    const req = (signature?: string) => ({ rawBody: body, headers: { 'x-flowlens-signature': signature } });

    it('requires a valid x-flowlens-signature when the connector has a secret', () => {
      expect(connector.verify(req(signGenericBody(body, secret)), { secret, callbackUrl: null })).toBe(true);
      expect(connector.verify(req(), { secret, callbackUrl: null })).toBe(false);
      expect(connector.verify(req(signGenericBody(body, 'wrong')), { secret, callbackUrl: null })).toBe(false);
    });

    it('accepts unsigned bodies on a connector without a secret (the URL is the credential)', () => {
      expect(connector.verify(req(), { secret: null, callbackUrl: null })).toBe(true);
    });
  });

  describe('deliveryId', () => {
    it('takes the sender delivery header when printable, else hashes the body', () => {
      const rawBody = Buffer.from('{"x":1}');
      expect(connector.deliveryId({ rawBody, headers: { 'x-flowlens-delivery': 'dlv-2024-03-04-0001' } })).toBe('dlv-2024-03-04-0001');
      const hash = createHash('sha256').update(rawBody).digest('hex');
      expect(connector.deliveryId({ rawBody, headers: {} })).toBe(hash);
      expect(connector.deliveryId({ rawBody, headers: { 'x-flowlens-delivery': 'has space' } })).toBe(hash);
    });
  });

  describe('normalise', () => {
    it('turns one event into one canonical event with a deterministic id', () => {
      expect(events(fixture('ok', 'single-created.json'))).toEqual([
        {
          eventId: deterministicEventId('ws-acme', 'generic', 'tracker-evt-100231'),
          workspaceId: 'ws-acme',
          connectorId: 'conn-generic-1',
          source: 'generic',
          sourceEventId: 'tracker-evt-100231',
          occurredAt: '2024-03-04T09:15:00.000Z',
          receivedAt: testContext.receivedAt,
          sequence: 0,
          schemaVersion: 1,
          boardId: 'MOBILE',
          itemId: 'iss_8f2c91',
          itemKey: 'MOB-231',
          type: 'WorkItemCreated',
          payload: {
            status: { id: 'st_01', name: 'Backlog', category: 'todo' },
            fields: {
              title: 'Offline mode for the café order screen',
              type: 'Story',
              priority: 'High',
              assignee: { id: 'usr_42', name: 'Zoë Lambert' },
              labels: ['ios', 'android'],
              components: [],
              fixVersions: [],
              estimate: 5,
              dueDate: '2024-03-29',
              parentId: null,
              sprintIds: [],
              team: 'Mobile',
              archived: false,
            },
          },
        },
      ]);
    });

    it('converts a batch in request order, every type valid', () => {
      const out = events(fixture('ok', 'batch-lifecycle.json'));
      expect(out.map((e) => e.type)).toEqual([
        'BoardUpserted',
        'WorkItemCreated',
        'WorkItemStatusChanged',
        'WorkItemUpdated',
        'WorkItemBlocked',
        'WorkItemUnblocked',
        'WorkItemStatusChanged',
        'WorkItemMoved',
        'WorkItemStatusChanged',
        'WorkItemDeleted',
        'WorkItemRestored',
      ]);
      for (const event of out) expect(canonicalEventSchema.parse(event)).toEqual(event);
    });

    it('fills defaults: itemKey, from, reasons, key of a move, only the given changes', () => {
      const out = events(fixture('ok', 'batch-lifecycle.json'));
      const byId = (id: string) => out.find((e) => e.sourceEventId === id);
      expect(byId('tracker-board-MOBILE-v3')).toMatchObject({ itemId: null, itemKey: null, payload: { name: 'Mobile App' } });
      expect(byId('tracker-evt-100244')?.payload).toEqual({ changes: { assignee: { id: 'usr_7', name: null }, estimate: 8, dueDate: null } });
      expect(byId('tracker-evt-100250')).toMatchObject({ occurredAt: '2024-03-06T16:00:00.000Z', payload: { reason: 'external', note: 'Waiting for the payments SDK 4.2' } });
      expect(byId('tracker-evt-100263')?.payload).toEqual({ reason: 'external' });
      expect(byId('tracker-evt-100271')).toMatchObject({ sequence: 1, boardId: 'PLATFORM', payload: { fromBoardId: 'MOBILE', toBoardId: 'PLATFORM', fromKey: 'MOB-231', toKey: 'PLAT-12' } });
      expect(byId('tracker-evt-100290')?.payload).toEqual({ from: null, to: { id: 'st_04', name: 'Shipped', category: 'done' } });
      expect(events({ ...fixture<object>('ok', 'single-created.json'), itemKey: undefined })[0]?.itemKey).toBe('iss_8f2c91');
    });

    it('gives the same ids for a re-sent event, alone or in a batch, whenever it arrives', () => {
      const single = events(fixture('ok', 'status-changed-offset.json'));
      const batch = events(fixture('ok', 'batch-lifecycle.json'), { ...testContext, receivedAt: '2024-05-01T00:00:00.000Z' });
      const fromBatch = batch.find((e) => e.sourceEventId === 'tracker-evt-100240');
      expect(fromBatch?.eventId).toBe(single[0]?.eventId);
      expect(fromBatch?.occurredAt).toBe('2024-03-05T09:00:12.500Z');
    });

    it('accepts an identical event twice in a batch (same id, counted as a duplicate downstream)', () => {
      const created = fixture('ok', 'single-created.json');
      const out = events({ events: [created, created] });
      expect(out).toHaveLength(2);
      expect(out[0]?.eventId).toBe(out[1]?.eventId);
    });

    it('accepts 1,000 events and rejects 1,001', () => {
      const created = fixture<Record<string, unknown>>('ok', 'single-created.json');
      const many = (n: number) => ({ events: Array.from({ length: n }, (_, i) => ({ ...created, id: `evt-${i}`, itemId: `item-${i}` })) });
      expect(events(many(1000))).toHaveLength(1000);
      expect(schemaError(many(1001)).details).toEqual([expect.objectContaining({ path: 'events' })]);
    });

    it.each(fixtureNames('not-ok'))('rejects %s with PayloadSchemaError', (name) => {
      expect(schemaError(fixture('not-ok', name)).details.length).toBeGreaterThan(0);
    });

    it('names what is wrong and where', () => {
      const paths = (name: string) => schemaError(fixture('not-ok', name)).details.map((d) => d.path).sort();
      expect(paths('no-offset.json')).toEqual(['occurredAt']);
      expect(paths('impossible-date.json')).toEqual(['fields.dueDate', 'occurredAt']);
      expect(paths('misspelt-field.json')).toEqual(['', 'occurredAt']);
      expect(paths('update-without-changes.json')).toEqual(['events.0.changes']);
      expect(paths('conflicting-ids.json')).toEqual(['events.1.id']);
      expect(paths('wrong-types.json')).toEqual(['events.0.fields.estimate', 'events.0.fields.labels', 'events.0.itemId', 'events.0.status']);
      expect(paths('unknown-type.json')).toEqual(['type']);
    });

    it.each([[null], [[]], ['events'], [42], [{ events: 'all' }]])('rejects %j', (body) => {
      expect(() => connector.normalise(body, testContext)).toThrow(PayloadSchemaError);
    });
  });
});
