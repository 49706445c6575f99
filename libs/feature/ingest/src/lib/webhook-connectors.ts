import type { EventSource, WebhookConnector } from '@flowlens/contracts';
import { GenericWebhookConnector } from '@flowlens/connector-generic';
import { JiraWebhookConnector } from '@flowlens/connector-jira';
import { TrelloWebhookConnector } from '@flowlens/connector-trello';

export const WEBHOOK_CONNECTORS = Symbol('WEBHOOK_CONNECTORS');
export type WebhookConnectorRegistry = ReadonlyMap<EventSource, WebhookConnector>;

export function defaultWebhookConnectors(): WebhookConnectorRegistry {
  const connectors: WebhookConnector[] = [new JiraWebhookConnector(), new TrelloWebhookConnector(), new GenericWebhookConnector()];
  return new Map(connectors.map((c) => [c.source, c]));
}
