import { createHash } from 'node:crypto';
import type { WebhookRequest } from '@flowlens/contracts';
import { JiraWebhookConnector } from './jira-webhook.connector';
import { signJiraBody } from './signature.util';
import { eventsOf, jiraFixture, jiraFixtureRaw, testContext } from './testing/jira-fixtures';

const connector = new JiraWebhookConnector();
const rawBody = jiraFixtureRaw('webhooks/cloud/issue-created');
const request = (headers: Record<string, string | undefined>): WebhookRequest => ({ rawBody, headers });

describe('JiraWebhookConnector', () => {
  it('is the jira source', () => {
    expect(connector.source).toBe('jira');
  });

  it('verifies the X-Hub-Signature header against the connector secret', () => {
    const credentials = { secret: 'jira-secret', callbackUrl: null };
    expect(connector.verify(request({ 'x-hub-signature': signJiraBody(rawBody, 'jira-secret') }), credentials)).toBe(true);
    expect(connector.verify(request({ 'x-hub-signature': signJiraBody(rawBody, 'other') }), credentials)).toBe(false);
    expect(connector.verify(request({}), credentials)).toBe(false);
  });

  it('cannot verify a connector without a secret (URL-token connectors are the gateway\'s job)', () => {
    expect(connector.verify(request({ 'x-hub-signature': signJiraBody(rawBody, '') }), { secret: null, callbackUrl: null })).toBe(false);
  });

  it('uses X-Atlassian-Webhook-Identifier as the delivery id, else a hash of the body', () => {
    expect(connector.deliveryId(request({ 'x-atlassian-webhook-identifier': '0f1c3a77-65b4-4d38-9d0f-2c9a5e0f7b11' }))).toBe(
      '0f1c3a77-65b4-4d38-9d0f-2c9a5e0f7b11',
    );
    const hashed = connector.deliveryId(request({}));
    expect(hashed).toBe(`sha256:${createHash('sha256').update(rawBody).digest('hex')}`);
    expect(connector.deliveryId(request({ 'x-atlassian-webhook-identifier': '  ' }))).toBe(hashed);
  });

  it('normalises through normaliseJiraWebhook', () => {
    const events = eventsOf(connector.normalise(jiraFixture('webhooks/cloud/issue-created'), testContext()));
    expect(events.map((event) => event.type)).toEqual(['WorkItemCreated']);
  });
});
