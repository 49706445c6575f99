import { deterministicEventId, NormalisationError } from '@flowlens/contracts';
import { DC_SETTINGS, eventsOf, jiraFixture, mutableFixture, testContext, type MutableJson } from '../testing/jira-fixtures';
import { normaliseJiraWebhook } from './jira-webhook.normaliser';

function createdFixture(): MutableJson {
  return mutableFixture('webhooks/cloud/issue-created');
}

describe('jira:issue_created', () => {
  it('takes a full snapshot of a Cloud issue', () => {
    const [created, ...rest] = eventsOf(normaliseJiraWebhook(createdFixture(), testContext()));
    expect(rest).toEqual([]);
    expect(created).toEqual({
      eventId: deterministicEventId('ws-acme', 'jira', '10042', 'created'),
      workspaceId: 'ws-acme',
      connectorId: 'conn-jira-cloud',
      source: 'jira',
      sourceEventId: '10042:created',
      occurredAt: '2024-01-15T10:23:45.123Z',
      receivedAt: '2024-06-01T12:00:00.000Z',
      sequence: 0,
      schemaVersion: 1,
      boardId: 'KAN',
      itemId: '10042',
      itemKey: 'KAN-42',
      type: 'WorkItemCreated',
      payload: {
        status: { id: '10000', name: 'To Do', category: 'todo' },
        fields: {
          title: 'Import Jira changelogs into the event log',
          type: 'Story',
          priority: 'High',
          assignee: { id: '712020:4f5c1f3e-9a8b-4a6e-bb1c-2d3e4f5a6b7c', name: 'Priya Raman' },
          labels: ['backend', 'importer'],
          components: ['API'],
          fixVersions: ['1.4.0'],
          estimate: 5,
          dueDate: '2024-02-09',
          parentId: '10040',
          sprintIds: ['37'],
          team: null,
          archived: false,
        },
      },
    });
  });

  it('also emits Blocked for an issue created flagged and labelled "Blocked"', () => {
    const events = eventsOf(normaliseJiraWebhook(jiraFixture('webhooks/cloud/issue-created-flagged'), testContext()));
    expect(events.map((event) => [event.type, event.sequence, event.payload])).toEqual([
      ['WorkItemCreated', 0, expect.objectContaining({ status: { id: '3', name: 'In Progress', category: 'in_progress' } })],
      ['WorkItemBlocked', 1, { reason: 'flag', note: null }],
      ['WorkItemBlocked', 2, { reason: 'label', note: null }],
    ]);
    expect(new Set(events.map((event) => event.occurredAt))).toEqual(new Set(['2024-01-15T13:02:10.981Z']));
    expect(events[1]?.eventId).toBe(deterministicEventId('ws-acme', 'jira', '10043', 'created', 'flag'));
  });

  it('falls back to the payload timestamp, then to the receive time, when fields.created is missing or garbage', () => {
    const body = createdFixture();
    body['issue'].fields.created = 'sometime in January';
    expect(eventsOf(normaliseJiraWebhook(body, testContext()))[0]?.occurredAt).toBe('2024-01-15T10:23:45.456Z');
    delete body['issue'].fields.created;
    delete body['timestamp'];
    expect(eventsOf(normaliseJiraWebhook(body, testContext()))[0]?.occurredAt).toBe('2024-06-01T12:00:00.000Z');
  });

  it('reads story points, sprint, flag and team from the configured custom fields', () => {
    const body = createdFixture();
    body['issue'].fields.customfield_10028 = 13;
    body['issue'].fields.customfield_10001 = { id: '36885b3c-1bf0-4f85-a357-c5b858c31de4', name: 'Ingest Crew', title: 'Ingest Crew' };
    body['issue'].fields.customfield_10099 = [{ self: 'x', value: 'Impediment', id: '10019' }];
    const settings = { storyPointsField: 'customfield_10028', teamField: 'customfield_10001', flaggedField: 'customfield_10099', sprintField: 'customfield_10777' };
    const events = eventsOf(normaliseJiraWebhook(body, testContext(settings)));
    expect(events[0]?.payload).toMatchObject({ fields: { estimate: 13, team: 'Ingest Crew', sprintIds: [] } });
    expect(events.map((event) => event.type)).toEqual(['WorkItemCreated', 'WorkItemBlocked']);
  });

  it('falls back to the key prefix when the project is missing', () => {
    const body = createdFixture();
    delete body['issue'].fields.project;
    expect(eventsOf(normaliseJiraWebhook(body, testContext()))[0]?.boardId).toBe('KAN');
  });

  it('dead-letters invalid connector settings', () => {
    expect(() => normaliseJiraWebhook(createdFixture(), testContext({ storyPointsField: '' }))).toThrow(NormalisationError);
  });

  it('normalises a Data Center issue: user key, sprint strings, numeric points, +0100 offsets', () => {
    const [created] = eventsOf(normaliseJiraWebhook(jiraFixture('webhooks/data-center/issue-created'), testContext(DC_SETTINGS)));
    expect(created).toMatchObject({
      occurredAt: '2024-02-05T08:12:33.000Z',
      boardId: 'PLAT',
      itemId: '20101',
      itemKey: 'PLAT-101',
      payload: {
        status: { id: '1', name: 'Open', category: 'todo' },
        fields: { assignee: { id: 'jsmith', name: 'John Smith' }, priority: 'Major', estimate: 3, sprintIds: ['212'], components: ['Billing'] },
      },
    });
  });

  it('gives a creation that carries its changelog the same ids as the creation and the history apart', () => {
    const plain = eventsOf(normaliseJiraWebhook(createdFixture(), testContext()));
    const body = createdFixture();
    body['issue'].fields.customfield_10020.push({ id: 38, name: 'KAN Sprint 5', state: 'future', boardId: 1, goal: '' });
    body['changelog'] = { id: '10099', items: [{ field: 'Sprint', fieldtype: 'custom', fieldId: 'customfield_10020', from: '37', fromString: 'KAN Sprint 4', to: '37, 38', toString: 'KAN Sprint 4, KAN Sprint 5' }] };
    const events = eventsOf(normaliseJiraWebhook(body, testContext()));
    expect(events[0]).toEqual(plain[0]);
    expect(events[1]).toMatchObject({
      type: 'WorkItemUpdated',
      eventId: deterministicEventId('ws-acme', 'jira', '10042', '10099', 'updated'),
      payload: { changes: { sprintIds: ['37', '38'] } },
    });
  });
});
