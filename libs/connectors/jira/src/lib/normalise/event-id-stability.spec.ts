import type { CanonicalEvent } from '@flowlens/contracts';
import { eventsOf, jiraFixture, jiraFixtureNames, mutableFixture, testContext } from '../testing/jira-fixtures';
import { normaliseJiraWebhook } from './jira-webhook.normaliser';

const ids = (events: readonly CanonicalEvent[]) => events.map((event) => event.eventId);
const normalise = (body: unknown, receivedAt = '2024-06-01T12:00:00.000Z') =>
  eventsOf(normaliseJiraWebhook(body, { ...testContext(), receivedAt }));

const producing = jiraFixtureNames('webhooks/cloud').filter((name) => normaliseJiraWebhook(jiraFixture(`webhooks/cloud/${name}`), testContext()).kind === 'events');

describe('event id determinism', () => {
  it('gives a retried delivery (received later) the same ids', () => {
    for (const name of producing) {
      const body = jiraFixture(`webhooks/cloud/${name}`);
      expect(ids(normalise(body, '2024-06-02T08:00:00.000Z'))).toEqual(ids(normalise(body)));
    }
  });

  it('does not depend on the order of the items inside a changelog', () => {
    for (const name of ['issue-updated-fields', 'issue-updated-unblocked', 'issue-updated-moved']) {
      const body = mutableFixture(`webhooks/cloud/${name}`);
      const forward = normalise(body);
      body['changelog'].items.reverse();
      const reversed = normalise(body);
      expect(ids(reversed)).toEqual(ids(forward));
      expect(reversed.map((event) => event.payload)).toEqual(forward.map((event) => event.payload));
    }
  });

  it('does not depend on the delivery order: out-of-order webhooks give the same set of ids', () => {
    const inOrder = producing.flatMap((name) => ids(normalise(jiraFixture(`webhooks/cloud/${name}`))));
    const shuffled = [...producing].reverse().flatMap((name) => ids(normalise(jiraFixture(`webhooks/cloud/${name}`))));
    expect(new Set(shuffled)).toEqual(new Set(inOrder));
  });

  it('gives distinct changes distinct ids across all recorded deliveries', () => {
    const all = producing.flatMap((name) => ids(normalise(jiraFixture(`webhooks/cloud/${name}`))));
    expect(new Set(all).size).toBe(all.length);
  });

  it('separates workspaces', () => {
    const body = jiraFixture('webhooks/cloud/issue-updated-status');
    const a = eventsOf(normaliseJiraWebhook(body, testContext({}, 'ws-a')));
    const b = eventsOf(normaliseJiraWebhook(body, testContext({}, 'ws-b')));
    expect(a[0]?.eventId).not.toBe(b[0]?.eventId);
  });

  it('ignores the delivery timestamp and volatile fields for issue events', () => {
    const body = mutableFixture('webhooks/cloud/issue-updated-fields');
    const before = ids(normalise(body));
    body['timestamp'] += 5_000;
    body['issue'].fields.updated = '2024-01-18T14:41:15.000+0000';
    body['user'] = { accountId: 'someone-else', displayName: 'Automation for Jira' };
    expect(ids(normalise(body))).toEqual(before);
  });
});
