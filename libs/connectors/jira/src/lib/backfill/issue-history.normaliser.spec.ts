import { deterministicEventId, type CanonicalEvent } from '@flowlens/contracts';
import { normaliseJiraWebhook } from '../normalise/jira-webhook.normaliser';
import { eventsOf, jiraFixture, recordedIssue10042, testContext } from '../testing/jira-fixtures';
import { jiraIssueHistoryToEvents } from './issue-history.normaliser';

const ctx = testContext();
const { issue, histories, catalogue } = recordedIssue10042();
const backfill = jiraIssueHistoryToEvents(issue, histories, catalogue, ctx);
const byId = new Map(backfill.map((event) => [event.eventId, event]));
const webhook = (name: string) => eventsOf(normaliseJiraWebhook(jiraFixture(`webhooks/cloud/${name}`), ctx));
const shape = (event: CanonicalEvent | undefined) =>
  event && { type: event.type, sequence: event.sequence, boardId: event.boardId, itemKey: event.itemKey, sourceEventId: event.sourceEventId };

describe('jiraIssueHistoryToEvents', () => {
  it('gives the webhook issue_updated for changelog 10123 and its back-fill identical event ids', () => {
    const [live] = webhook('issue-updated-status');
    const expectedId = deterministicEventId('ws-acme', 'jira', '10042', '10123', 'status');
    expect(live?.eventId).toBe(expectedId);
    expect(byId.get(expectedId)).toMatchObject({ type: 'WorkItemStatusChanged', itemKey: 'KAN-42', occurredAt: '2024-01-16T08:05:12.004Z' });
  });

  it('rewinds the current fields to the exact creation snapshot the issue_created webhook carried', () => {
    expect(backfill[0]).toEqual(webhook('issue-created')[0]);
  });

  it.each(['issue-updated-status', 'issue-updated-fields', 'issue-updated-unblocked', 'issue-updated-moved'])(
    'reproduces every event of the %s webhook under the same id',
    (name) => {
      // The observation travelling with a webhook is not part of the history a back-fill replays.
      for (const live of webhook(name).filter((event) => event.type !== 'WorkItemObserved')) {
        expect(shape(byId.get(live.eventId))).toEqual(shape(live));
        if (live.type !== 'WorkItemStatusChanged') expect(byId.get(live.eventId)?.payload).toEqual(live.payload);
      }
    },
  );

  it('knows historic status categories from the catalogue, which a webhook cannot', () => {
    const statusChanges = backfill.filter((event) => event.type === 'WorkItemStatusChanged').map((event) => event.payload);
    expect(statusChanges).toEqual([
      { from: { id: '10000', name: 'To Do', category: 'todo' }, to: { id: '3', name: 'In Progress', category: 'in_progress' } },
      { from: { id: '3', name: 'In Progress', category: 'in_progress' }, to: { id: '10002', name: 'In Review', category: 'in_progress' } },
      { from: { id: '10002', name: 'In Review', category: 'in_progress' }, to: { id: '10100', name: 'Backlog', category: 'todo' } },
    ]);
  });

  it('dates each history by its created time and keys it by the key the issue had then', () => {
    expect(backfill.map((event) => [event.type, event.occurredAt, event.itemKey])).toEqual([
      ['WorkItemCreated', '2024-01-15T10:23:45.123Z', 'KAN-42'],
      ['WorkItemStatusChanged', '2024-01-16T08:05:12.004Z', 'KAN-42'],
      ['WorkItemUpdated', '2024-01-18T14:41:09.870Z', 'KAN-42'],
      ['WorkItemBlocked', '2024-01-18T14:41:09.870Z', 'KAN-42'],
      ['WorkItemBlocked', '2024-01-18T14:41:09.870Z', 'KAN-42'],
      ['WorkItemUpdated', '2024-01-22T09:15:00.000Z', 'KAN-42'],
      ['WorkItemUnblocked', '2024-01-22T09:15:00.000Z', 'KAN-42'],
      ['WorkItemUnblocked', '2024-01-22T09:15:00.000Z', 'KAN-42'],
      ['WorkItemStatusChanged', '2024-01-25T16:30:00.000Z', 'KAN-42'],
      ['WorkItemMoved', '2024-01-29T10:00:00.000Z', 'OPS-7'],
      ['WorkItemStatusChanged', '2024-01-29T10:00:00.000Z', 'OPS-7'],
    ]);
  });

  it('sorts histories itself: the order they are passed in does not matter', () => {
    const shuffled = [histories[3], histories[0], histories[5], histories[1], histories[4], histories[2]].filter((h) => h !== undefined);
    expect(jiraIssueHistoryToEvents(issue, shuffled, catalogue, ctx)).toEqual(backfill);
  });

  it('leaves historic categories unknown without a catalogue, except the current status', () => {
    const bare = jiraIssueHistoryToEvents(issue, histories, new Map(), ctx);
    expect(bare[0]?.payload).toMatchObject({ status: { id: '10000', category: null } });
    expect(bare.at(-1)?.payload).toMatchObject({ to: { id: '10100', category: 'todo' } });
  });

  it('creates an issue without history from its current fields', () => {
    const [created] = jiraIssueHistoryToEvents(issue, [], catalogue, ctx);
    expect(created).toMatchObject({ itemKey: 'OPS-7', boardId: 'OPS', payload: { fields: { fixVersions: ['1.4.0', '1.5.0'], type: 'Task' } } });
  });
});

describe('jiraIssueHistoryToEvents on raw REST JSON', () => {
  it('parses raw search and changelog bodies itself', () => {
    const rawIssue = (jiraFixture('rest/search-page-last') as { issues: unknown[] }).issues[0];
    const rawHistories = (jiraFixture('rest/changelog-10042') as { values: unknown[] }).values;
    expect(jiraIssueHistoryToEvents(rawIssue, rawHistories, catalogue, ctx)).toEqual(backfill);
  });

  it('rejects something that is not a Jira issue', () => {
    expect(() => jiraIssueHistoryToEvents({ key: 'KAN-1' }, [], catalogue, ctx)).toThrow(expect.objectContaining({ name: 'PayloadSchemaError' }));
  });
});
