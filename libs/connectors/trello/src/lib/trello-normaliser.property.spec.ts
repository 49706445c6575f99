import fc from 'fast-check';
import { canonicalEventSchema, NormalisationError, PayloadSchemaError, type NormalisationResult } from '@flowlens/contracts';
import { mutatedJson } from '@flowlens/contracts/testing';
import { fixture, fixtureNames, testContext } from '../testing/trello-fixtures';
import { trelloActionsToEvents } from './history/trello-history.converter';
import { trelloExportToEvents } from './history/trello-export.importer';
import { TrelloWebhookConnector } from './trello-webhook.connector';

const connector = new TrelloWebhookConnector();
const fixtures = fixtureNames('webhooks').map((name) => fixture('webhooks', name));

/** The only allowed outcomes: a result whose events are all canonical, or one of the two typed errors. */
function checkOutcome(run: () => NormalisationResult): void {
  let result: NormalisationResult;
  try {
    result = run();
  } catch (error) {
    if (error instanceof PayloadSchemaError || error instanceof NormalisationError) return;
    throw error;
  }
  if (result.kind === 'ignored') {
    expect(typeof result.reason).toBe('string');
    return;
  }
  for (const event of result.events) canonicalEventSchema.parse(event);
}

describe('Trello normalisation under hostile input', () => {
  it('random JSON gives a result or a typed error', () => {
    fc.assert(fc.property(fc.jsonValue(), (body) => checkOutcome(() => connector.normalise(body, testContext))), { numRuns: 300 });
  });

  it('random JSON in the action slot gives a result or a typed error', () => {
    const action = fc.record({ id: fc.string(), type: fc.constantFrom('createCard', 'updateCard', 'moveCardToBoard', 'addLabelToCard'), date: fc.constant('2024-03-04T09:12:31.418Z'), data: fc.jsonValue() });
    fc.assert(fc.property(action, (a) => checkOutcome(() => connector.normalise({ action: a }, testContext))), { numRuns: 300 });
  });

  it('mutated real deliveries give a result or a typed error', () => {
    const mutated = fc.constantFrom(...fixtures).chain((original) => mutatedJson(original));
    fc.assert(fc.property(mutated, (body) => checkOutcome(() => connector.normalise(body, testContext))), { numRuns: 1000 });
  });

  it('history conversion never throws on mutated actions: it reports them', () => {
    const actions = fc.array(fc.constantFrom(...fixtures).chain((original) => mutatedJson((original as { action: unknown }).action)), { maxLength: 8 });
    const lists = [{ id: '651a7885c4d5e6f708192a40', name: 'Backlog' }];
    fc.assert(
      fc.property(actions, (list) => {
        const result = trelloActionsToEvents(list, lists, { ...testContext, board: { id: '651a7880c4d5e6f708192a3b', name: 'B' } });
        for (const event of result.events) canonicalEventSchema.parse(event);
        const accounted = new Set([
          ...result.events.map((e) => e.sourceEventId),
          ...result.ignored.map((i) => i.actionId),
          ...result.failed.filter((f) => f.kind === 'action').map((f) => f.id),
        ]);
        for (const action of list) {
          const id = (action as { id?: unknown } | null)?.id;
          expect(accounted.has(typeof id === 'string' ? id : null)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a mutated board export gives events or PayloadSchemaError', () => {
    const exported = fixture('exports', 'platform-delivery.json');
    fc.assert(
      fc.property(mutatedJson(exported), (body) => {
        try {
          for (const event of trelloExportToEvents(body, testContext).events) canonicalEventSchema.parse(event);
        } catch (error) {
          if (!(error instanceof PayloadSchemaError)) throw error;
        }
      }),
      { numRuns: 150 },
    );
  });

  it('normalising the same delivery twice gives identical events', () => {
    fc.assert(
      fc.property(fc.constantFrom(...fixtures), (body) => {
        expect(connector.normalise(body, testContext)).toEqual(connector.normalise(structuredClone(body), testContext));
      }),
      { numRuns: 50 },
    );
  });
});
