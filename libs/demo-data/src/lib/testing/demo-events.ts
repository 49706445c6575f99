import { canonicalEventSchema, type CanonicalEvent, type NormalisationContext, type NormalisationResult } from '@flowlens/contracts';
import type { DemoDelivery } from '../demo-history.types';

/** The Jira connector's entry point, passed in so this helper stays free of the connector. */
export type Normalise = (body: unknown, ctx: NormalisationContext) => NormalisationResult;

export interface NormalisedDelivery {
  readonly delivery: DemoDelivery;
  readonly result: NormalisationResult;
}

/** Test-only: each delivery through the normaliser as the gateway would run it (received when sent). */
export function normaliseAll(deliveries: readonly DemoDelivery[], normalise: Normalise): NormalisedDelivery[] {
  return deliveries.map((delivery) => ({
    delivery,
    result: normalise(delivery.body, {
      workspaceId: 'ws-demo',
      connectorId: 'conn-demo-jira',
      receivedAt: new Date(delivery.occurredAt).toISOString(),
      settings: {},
    }),
  }));
}

/** Every event of the deliveries, each parsed by the contract (throws on a violation). */
export function canonicalEventsOf(normalised: readonly NormalisedDelivery[]): CanonicalEvent[] {
  return normalised.flatMap(({ result }) => (result.kind === 'events' ? result.events.map((event) => canonicalEventSchema.parse(event)) : []));
}
