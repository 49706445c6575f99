import { deterministicEventId, NormalisationError } from '@flowlens/contracts';
import { DC_SETTINGS, changesOf, eventsOf, jiraFixture, mutableFixture, testContext } from '../testing/jira-fixtures';
import { normaliseJiraWebhook } from './jira-webhook.normaliser';

const cloud = (name: string) => normaliseJiraWebhook(jiraFixture(`webhooks/cloud/${name}`), testContext());

describe('jira:issue_updated', () => {
  it('turns a status item into WorkItemStatusChanged, knowing only the current status category', () => {
    const [event, ...rest] = changesOf(cloud('issue-updated-status'));
    expect(rest).toEqual([]);
    expect(event).toMatchObject({
      eventId: deterministicEventId('ws-acme', 'jira', '10042', '10123', 'status'),
      sourceEventId: '10123',
      type: 'WorkItemStatusChanged',
      occurredAt: '2024-01-16T08:05:12.316Z',
      sequence: 4,
      boardId: 'KAN',
      itemId: '10042',
      itemKey: 'KAN-42',
      payload: {
        from: { id: '10000', name: 'To Do', category: null },
        to: { id: '3', name: 'In Progress', category: 'in_progress' },
      },
    });
  });

  it('leaves the target category null when the issue has moved on since', () => {
    const body = mutableFixture('webhooks/cloud/issue-updated-status');
    body['issue'].fields.status = { id: '10002', name: 'In Review', statusCategory: { key: 'indeterminate' } };
    const [event] = changesOf(normaliseJiraWebhook(body, testContext()));
    expect(event?.payload).toMatchObject({ to: { id: '3', category: null } });
  });

  it('gathers the tracked field items into one WorkItemUpdated and derives Blocked from flag and label', () => {
    const events = changesOf(cloud('issue-updated-fields'));
    expect(events.map((event) => [event.type, event.sequence])).toEqual([
      ['WorkItemUpdated', 5],
      ['WorkItemBlocked', 6],
      ['WorkItemBlocked', 7],
    ]);
    expect(events[0]?.payload).toEqual({
      changes: {
        assignee: { id: '5b10ac8d82e05b22cc7d4ef5', name: 'Marco Bianchi' },
        labels: ['backend', 'blocked', 'importer'],
        estimate: 8,
        sprintIds: ['37', '38'],
        fixVersions: ['1.4.0', '1.5.0'],
        priority: 'Highest',
      },
    });
    expect(events.slice(1).map((event) => event.payload)).toEqual([
      { reason: 'flag', note: null },
      { reason: 'label', note: null },
    ]);
  });

  it('unblocks when the flag is cleared and the blocked label removed; parent, summary, due date, type, components', () => {
    const events = changesOf(cloud('issue-updated-unblocked'));
    expect(events.map((event) => [event.type, event.payload])).toEqual([
      [
        'WorkItemUpdated',
        {
          changes: {
            labels: ['backend', 'importer'],
            components: ['API', 'Web'],
            parentId: '10044',
            title: 'Import full Jira changelogs into the event log',
            dueDate: '2024-02-16',
            type: 'Task',
          },
        },
      ],
      ['WorkItemUnblocked', { reason: 'flag' }],
      ['WorkItemUnblocked', { reason: 'label' }],
    ]);
  });

  it('treats a project move as WorkItemMoved ahead of the status change it brought', () => {
    const events = changesOf(cloud('issue-updated-moved'));
    expect(events.map((event) => [event.type, event.sequence, event.boardId, event.itemKey])).toEqual([
      ['WorkItemMoved', 3, 'OPS', 'OPS-7'],
      ['WorkItemStatusChanged', 4, 'OPS', 'OPS-7'],
    ]);
    expect(events[0]?.payload).toEqual({ fromBoardId: 'KAN', toBoardId: 'OPS', fromKey: 'KAN-42', toKey: 'OPS-7' });
    expect(events[1]?.payload).toMatchObject({ to: { id: '10100', name: 'Backlog', category: 'todo' } });
  });

  it('makes the issue of a comment known with its current state, though no tracked field changed', () => {
    const [event, ...rest] = eventsOf(cloud('issue-updated-comment'));
    expect(rest).toEqual([]);
    expect(event).toMatchObject({
      eventId: deterministicEventId('ws-acme', 'jira', '10042', 'update', '1706086801100', 'observed'),
      sourceEventId: '10042:update:1706086801100',
      type: 'WorkItemObserved',
      occurredAt: '2024-01-24T09:00:01.100Z',
      sequence: 8,
      boardId: 'KAN',
      itemId: '10042',
      itemKey: 'KAN-42',
      payload: {
        status: { id: '3', name: 'In Progress', category: 'in_progress' },
        fields: { type: 'Task', fixVersions: ['1.4.0', '1.5.0'] },
      },
    });
  });

  it('observes the issue after a changelog of untracked fields only, under the changelog id', () => {
    const [event, ...rest] = eventsOf(cloud('issue-updated-untracked'));
    expect(rest).toEqual([]);
    expect(event).toMatchObject({ type: 'WorkItemObserved', sourceEventId: '10135', eventId: deterministicEventId('ws-acme', 'jira', '10042', '10135', 'observed') });
  });

  it('follows every changelog with the observation of the issue it left', () => {
    const events = eventsOf(cloud('issue-updated-status'));
    expect(events.map((event) => [event.type, event.sequence, event.occurredAt])).toEqual([
      ['WorkItemStatusChanged', 4, '2024-01-16T08:05:12.316Z'],
      ['WorkItemObserved', 8, '2024-01-16T08:05:12.316Z'],
    ]);
    expect(events[1]?.payload).toMatchObject({ status: events[0]?.type === 'WorkItemStatusChanged' ? events[0].payload.to : null });
  });

  it('observes only the fields the payload carries, and leaves an unreadable one unknown instead of failing', () => {
    const body = mutableFixture('webhooks/cloud/issue-updated-comment');
    delete body['issue'].fields.labels;
    body['issue'].fields.customfield_10016 = 'not a number';
    const [event] = eventsOf(normaliseJiraWebhook(body, testContext()));
    expect(event?.payload).not.toHaveProperty('fields.labels');
    expect(event?.payload).not.toHaveProperty('fields.estimate');
    expect(event?.payload).toHaveProperty('fields.title');
  });

  it('ignores an update that carries neither a tracked change nor a status', () => {
    const body = mutableFixture('webhooks/cloud/issue-updated-comment');
    delete body['issue'].fields.status;
    expect(normaliseJiraWebhook(body, testContext())).toEqual({ kind: 'ignored', reason: 'jira:issue_updated for KAN-42 without a changelog nor a status' });
    const untracked = mutableFixture('webhooks/cloud/issue-updated-untracked');
    delete untracked['issue'].fields;
    expect(normaliseJiraWebhook(untracked, testContext())).toEqual({
      kind: 'ignored',
      reason: 'changelog 10135 of KAN-42 changes only untracked fields: description, Rank',
    });
  });

  it('prefers the changelog created time over the delivery timestamp', () => {
    const body = mutableFixture('webhooks/cloud/issue-updated-status');
    body['changelog'].created = '2024-01-16T08:05:12.004+0000';
    expect(changesOf(normaliseJiraWebhook(body, testContext()))[0]?.occurredAt).toBe('2024-01-16T08:05:12.004Z');
  });

  it('matches custom fields by configured fieldId only, and by name only when there is no fieldId', () => {
    const body = mutableFixture('webhooks/cloud/issue-updated-fields');
    const events = changesOf(normaliseJiraWebhook(body, testContext({ storyPointsField: 'customfield_10028' })));
    expect(events[0]?.payload).not.toHaveProperty('changes.estimate');
  });

  it('tracks the team only when a team field is configured', () => {
    const body = mutableFixture('webhooks/cloud/issue-updated-status');
    body['changelog'].items = [{ field: 'Team', fieldtype: 'custom', fieldId: 'customfield_10001', from: null, fromString: null, to: 'f1c6', toString: 'Ingest Crew' }];
    expect(changesOf(normaliseJiraWebhook(body, testContext()))).toEqual([]);
    const [event] = changesOf(normaliseJiraWebhook(body, testContext({ teamField: 'customfield_10001' })));
    expect(event?.payload).toEqual({ changes: { team: 'Ingest Crew' } });
  });

  it('normalises a Data Center changelog whose items have no fieldId and whose id is a number', () => {
    const events = changesOf(normaliseJiraWebhook(jiraFixture('webhooks/data-center/issue-updated-status'), testContext(DC_SETTINGS)));
    expect(events.map((event) => [event.type, event.sourceEventId, event.payload])).toEqual([
      ['WorkItemStatusChanged', '30555', { from: { id: '1', name: 'Open', category: null }, to: { id: '10300', name: 'In Development', category: 'in_progress' } }],
      ['WorkItemUpdated', '30555', { changes: { assignee: { id: 'JIRAUSER10100', name: 'Lena Weber' }, estimate: 5, sprintIds: ['212', '213'] } }],
      ['WorkItemBlocked', '30555', { reason: 'flag', note: null }],
    ]);
  });

  it.each([
    ['normalisation-status-without-to', /status item without a target status id/],
    ['normalisation-changelog-without-id', /changelog without an id/],
  ])('dead-letters not-ok/%s', (name, message) => {
    expect(() => normaliseJiraWebhook(jiraFixture(`webhooks/not-ok/${name}`), testContext())).toThrow(
      expect.objectContaining({ name: 'NormalisationError', message: expect.stringMatching(message) }),
    );
  });

  it('dead-letters a key change that does not name the old key', () => {
    const body = mutableFixture('webhooks/cloud/issue-updated-moved');
    body['changelog'].items[1].fromString = null;
    expect(() => normaliseJiraWebhook(body, testContext())).toThrow(NormalisationError);
  });
});

describe('jira:issue_deleted', () => {
  it.each([
    ['cloud/issue-deleted', {}, '10043', 'KAN-43', 'KAN', '2024-02-01T12:00:00.500Z'],
    ['data-center/issue-deleted', DC_SETTINGS, '20101', 'PLAT-101', 'PLAT', '2024-02-20T10:00:00.000Z'],
  ])('%s -> WorkItemDeleted', (name, settings, itemId, itemKey, boardId, occurredAt) => {
    const events = changesOf(normaliseJiraWebhook(jiraFixture(`webhooks/${name}`), testContext(settings)));
    expect(events).toEqual([
      expect.objectContaining({
        type: 'WorkItemDeleted',
        eventId: deterministicEventId('ws-acme', 'jira', itemId, 'deleted'),
        itemId,
        itemKey,
        boardId,
        occurredAt,
        payload: {},
      }),
    ]);
  });
});

describe('jira:issue_updated with partial fields', () => {
  it('leaves components out of the update when the payload does not carry them', () => {
    const body = mutableFixture('webhooks/cloud/issue-updated-unblocked');
    delete body['issue'].fields.components;
    const [updated] = changesOf(normaliseJiraWebhook(body, testContext()));
    expect(updated?.payload).not.toHaveProperty('changes.components');
    expect(updated?.payload).toHaveProperty('changes.parentId', '10044');
    delete body['issue'].fields;
    expect(changesOf(normaliseJiraWebhook(body, testContext()))[0]).toMatchObject({ boardId: 'KAN', payload: { changes: { title: 'Import full Jira changelogs into the event log' } } });
  });
});
