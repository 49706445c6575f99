import { eventsOf, mutableFixture, testContext, type MutableJson } from '../testing/jira-fixtures';
import { dependencyDirectionOf } from './issue-link.normaliser';
import { normaliseJiraWebhook } from './jira-webhook.normaliser';

const payloads = (fixture: MutableJson) => eventsOf(normaliseJiraWebhook(fixture, testContext())).map((e) => ({ type: e.type, payload: e.payload }));

describe('Jira issue links as canonical link events', () => {
  it('issuelink_created with "Blocks": the source issue blocks the destination', () => {
    expect(payloads(mutableFixture('webhooks/cloud/issuelink-created'))).toEqual([
      { type: 'ItemLinkCreated', payload: { linkId: '10501', linkType: 'Blocks', blocker: { id: '10042', key: null }, dependent: { id: '10043', key: null } } },
    ]);
  });

  it('issuelink_deleted is a link deletion with the same ends', () => {
    const fixture = mutableFixture('webhooks/cloud/issuelink-created');
    fixture['webhookEvent'] = 'issuelink_deleted';
    expect(payloads(fixture).map((e) => e.type)).toEqual(['ItemLinkDeleted']);
  });

  it('a link that is no dependency is ignored with a reason', () => {
    const fixture = mutableFixture('webhooks/cloud/issuelink-created');
    (fixture['issueLink'] as MutableJson)['issueLinkType'] = { name: 'Relates', outwardName: 'relates to', inwardName: 'relates to' };
    expect(normaliseJiraWebhook(fixture, testContext())).toEqual({ kind: 'ignored', reason: 'issuelink_created: not a dependency link' });
  });

  it('reads "X depends on Y" as Y blocks X', () => {
    expect(dependencyDirectionOf({ name: 'Dependency', outward: 'depends on', inward: 'is depended on by' })).toBe('inward-blocks');
    expect(dependencyDirectionOf({ name: 'Blocks', outward: 'blocks', inward: 'is blocked by' })).toBe('outward-blocks');
    expect(dependencyDirectionOf({ name: 'Cloners', outward: 'clones', inward: 'is cloned by' })).toBeNull();
  });

  it('fields.issuelinks on an issue payload: inwardIssue blocks this issue, outwardIssue is blocked by it', () => {
    const fixture = mutableFixture('webhooks/cloud/issue-created');
    const blocks = { name: 'Blocks', inward: 'is blocked by', outward: 'blocks' };
    ((fixture['issue'] as MutableJson)['fields'] as MutableJson)['issuelinks'] = [
      { id: '1', type: blocks, inwardIssue: { id: '7', key: 'KAN-7' } },
      { id: '2', type: blocks, outwardIssue: { id: '8', key: 'KAN-8' } },
      { id: '3', type: { name: 'Relates', inward: 'relates to', outward: 'relates to' }, outwardIssue: { id: '9', key: 'KAN-9' } },
    ];
    const links = payloads(fixture).filter((e) => e.type === 'ItemLinkCreated');
    expect(links.map((e) => e.payload)).toEqual([
      { linkId: '1', linkType: 'Blocks', blocker: { id: '7', key: 'KAN-7' }, dependent: { id: '10042', key: 'KAN-42' } },
      { linkId: '2', linkType: 'Blocks', blocker: { id: '10042', key: 'KAN-42' }, dependent: { id: '8', key: 'KAN-8' } },
    ]);
  });

  it('the same link seen on a later payload gets the same event id (it collapses)', () => {
    const fixture = mutableFixture('webhooks/cloud/issue-created');
    ((fixture['issue'] as MutableJson)['fields'] as MutableJson)['issuelinks'] = [{ id: '1', type: { name: 'Blocks', outward: 'blocks' }, inwardIssue: { id: '7', key: 'KAN-7' } }];
    const first = eventsOf(normaliseJiraWebhook(fixture, testContext())).filter((e) => e.type === 'ItemLinkCreated');
    fixture['timestamp'] = 1806090400000;
    const later = eventsOf(normaliseJiraWebhook(fixture, testContext())).filter((e) => e.type === 'ItemLinkCreated');
    expect(later.map((e) => e.eventId)).toEqual(first.map((e) => e.eventId));
  });

  it('changelog Link items: added and removed links by the other issue\'s key', () => {
    const fixture = mutableFixture('webhooks/cloud/issue-updated-status');
    fixture['changelog'] = {
      id: '777',
      items: [
        { field: 'Link', fieldtype: 'jira', from: null, fromString: null, to: 'OPS-9', toString: 'This issue is blocked by OPS-9' },
        { field: 'Link', fieldtype: 'jira', from: 'KAN-5', fromString: 'This issue blocks KAN-5', to: null, toString: null },
        { field: 'Link', fieldtype: 'jira', from: null, fromString: null, to: 'KAN-6', toString: 'This issue relates to KAN-6' },
      ],
    };
    const issue = fixture['issue'] as MutableJson;
    const self = { id: issue['id'], key: issue['key'] };
    expect(payloads(fixture).filter((e) => e.type.startsWith('ItemLink'))).toEqual([
      { type: 'ItemLinkCreated', payload: { linkId: null, linkType: '', blocker: { id: null, key: 'OPS-9' }, dependent: self } },
      { type: 'ItemLinkDeleted', payload: { linkId: null, linkType: '', blocker: self, dependent: { id: null, key: 'KAN-5' } } },
    ]);
  });
});
