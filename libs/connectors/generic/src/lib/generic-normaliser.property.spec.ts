import fc from 'fast-check';
import { canonicalEventSchema, NormalisationError, PayloadSchemaError } from '@flowlens/contracts';
import { mutatedJson } from '@flowlens/contracts/testing';
import { fixture, fixtureNames, testContext } from '../testing/generic-fixtures';
import { GenericWebhookConnector } from './generic-webhook.connector';

const connector = new GenericWebhookConnector();
const bodies = [...fixtureNames('ok').map((n) => fixture('ok', n)), ...fixtureNames('not-ok').map((n) => fixture('not-ok', n))];

function checkOutcome(body: unknown): void {
  try {
    const result = connector.normalise(body, testContext);
    expect(result.kind).toBe('events');
    if (result.kind === 'events') for (const event of result.events) canonicalEventSchema.parse(event);
  } catch (error) {
    if (!(error instanceof PayloadSchemaError || error instanceof NormalisationError)) throw error;
  }
}

describe('generic normalisation under hostile input', () => {
  it('random JSON gives events or a typed error', () => {
    fc.assert(fc.property(fc.jsonValue(), checkOutcome), { numRuns: 300 });
  });

  it('random objects with a known type give events or a typed error', () => {
    const type = fc.constantFrom('WorkItemCreated', 'WorkItemStatusChanged', 'WorkItemUpdated', 'WorkItemMoved', 'BoardUpserted');
    const body = fc.record({ id: fc.string(), type, occurredAt: fc.constantFrom('2024-03-04T10:15:00Z', '2024-03-04T10:15:00+14:00', 'x'), boardId: fc.string(), itemId: fc.string(), changes: fc.jsonValue(), status: fc.jsonValue(), fields: fc.jsonValue() }, { requiredKeys: ['type'] });
    fc.assert(fc.property(body, checkOutcome), { numRuns: 300 });
  });

  it('mutated real bodies give events or a typed error', () => {
    fc.assert(fc.property(fc.constantFrom(...bodies).chain((b) => mutatedJson(b)), checkOutcome), { numRuns: 1000 });
  });

  it('a valid body always gives one event per input event, ids stable across deliveries', () => {
    const ok = fixture<{ events: unknown[] }>('ok', 'batch-lifecycle.json');
    fc.assert(
      fc.property(fc.shuffledSubarray(ok.events, { minLength: 1 }), (subset) => {
        const first = connector.normalise({ events: subset }, testContext);
        const again = connector.normalise({ events: [...subset].reverse() }, { ...testContext, receivedAt: '2024-06-01T00:00:00.000Z' });
        const ids = (r: typeof first) => (r.kind === 'events' ? r.events.map((e) => e.eventId).sort() : []);
        expect(ids(first)).toHaveLength(subset.length);
        expect(ids(again)).toEqual(ids(first));
      }),
      { numRuns: 100 },
    );
  });
});
