import { PayloadSchemaError } from '@flowlens/contracts';
import { jiraFixture, mutableFixture, recordedIssue10042, testContext } from '../testing/jira-fixtures';
import { jiraExportToEvents } from './jira-export.importer';
import { jiraIssueHistoryToEvents } from './issue-history.normaliser';

const ctx = testContext();

describe('jiraExportToEvents', () => {
  it('gives an exported issue the same events as the REST back-fill of it', () => {
    const { issue, histories, catalogue } = recordedIssue10042();
    const imported = jiraExportToEvents(jiraFixture('export/issues-export'), ctx, catalogue);
    const rest = jiraIssueHistoryToEvents(issue, histories, catalogue, ctx);
    expect(imported.events.filter((event) => event.itemId === '10042')).toEqual(rest);
  });

  it('reads a search response and a bare array alike, and reports truncated changelogs', () => {
    const exported = mutableFixture('export/issues-export');
    const fromSearch = jiraExportToEvents(exported, ctx);
    const fromArray = jiraExportToEvents(exported['issues'], ctx);
    expect(fromArray).toEqual(fromSearch);
    expect(fromSearch.issues).toBe(3);
    expect(fromSearch.truncatedChangelogs).toEqual(['KAN-50']);
    expect(fromSearch.failures).toEqual([]);
    expect(fromSearch.events.filter((event) => event.type === 'WorkItemCreated').map((event) => event.itemKey)).toEqual(['KAN-42', 'KAN-43', 'KAN-50']);
  });

  it('takes status categories from the exported issues\' current statuses when no catalogue is given', () => {
    const { events } = jiraExportToEvents(jiraFixture('export/issues-export'), ctx);
    const kan50 = events.filter((event) => event.itemId === '10050' && event.type === 'WorkItemStatusChanged');
    expect(kan50.map((event) => event.payload)).toEqual([
      // No exported issue is in To Do now, so its category stays unknown.
      { from: { id: '10000', name: 'To Do', category: null }, to: { id: '3', name: 'In Progress', category: 'in_progress' } },
      { from: { id: '3', name: 'In Progress', category: 'in_progress' }, to: { id: '10001', name: 'Done', category: 'done' } },
    ]);
  });

  it('collects issues that cannot be normalised and keeps the rest', () => {
    const exported = mutableFixture('export/issues-export');
    exported['issues'][1].fields.duedate = 'soon';
    const result = jiraExportToEvents(exported, ctx);
    expect(result.failures).toEqual([{ issueId: '10043', issueKey: 'KAN-43', reason: 'not a date: soon' }]);
    expect(new Set(result.events.map((event) => event.itemId))).toEqual(new Set(['10042', '10050']));
  });

  it('rejects a file that is not a Jira export', () => {
    expect(() => jiraExportToEvents({ values: [] }, ctx)).toThrow(PayloadSchemaError);
    expect(() => jiraExportToEvents([{ id: '1' }], ctx)).toThrow(PayloadSchemaError);
  });
});
