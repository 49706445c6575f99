import { NormalisationError, PayloadSchemaError, type WebhookConnector } from '@flowlens/contracts';
import { normaliseDelivery } from './normalise-delivery';

const ctx = { workspaceId: 'ws', connectorId: 'c', receivedAt: '2024-01-01T00:00:00.000Z', settings: {} };
const throwing = (error: unknown): WebhookConnector => ({
  source: 'jira',
  verify: () => true,
  deliveryId: () => 'd',
  normalise: () => {
    throw error;
  },
});

describe('normaliseDelivery', () => {
  it('sorts a connector outcome into what the gateway does with it', () => {
    const schema = new PayloadSchemaError('bad', [{ path: 'issue.id', message: 'expected string' }]);
    expect(normaliseDelivery(throwing(schema), {}, ctx)).toEqual({ kind: 'schema-error', error: schema });
    expect(normaliseDelivery(throwing(new NormalisationError('no status')), {}, ctx)).toEqual({ kind: 'failed', reason: 'no status', unexpected: false });
    expect(normaliseDelivery(throwing(new TypeError('x is undefined')), {}, ctx)).toEqual({ kind: 'failed', reason: 'normaliser failed: x is undefined', unexpected: true });
    const ignoring: WebhookConnector = { ...throwing(null), normalise: () => ({ kind: 'ignored', reason: 'comments are not tracked' }) };
    expect(normaliseDelivery(ignoring, {}, ctx)).toEqual({ kind: 'ignored', reason: 'comments are not tracked' });
  });
});
