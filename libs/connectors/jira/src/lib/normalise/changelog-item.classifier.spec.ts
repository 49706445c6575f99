import { jiraConnectorSettingsSchema } from '../schema/jira-connector-settings.schema';
import type { JiraChangelogItem } from '../schema/jira-issue.schema';
import { classifyChangelogItem } from './changelog-item.classifier';

const settings = jiraConnectorSettingsSchema.parse({});
const item = (field: string, fieldId: string | null = null): JiraChangelogItem => ({ field, fieldId, from: null, fromText: null, to: null, toText: null });

describe('classifyChangelogItem', () => {
  it.each([
    [item('status', 'status'), 'status'],
    [item('Key', 'key'), 'key'],
    [item('Key'), 'key'],
    [item('summary', 'summary'), 'title'],
    [item('issuetype', 'issuetype'), 'type'],
    [item('Component', 'components'), 'components'],
    [item('Fix Version', 'fixVersions'), 'fixVersions'],
    [item('IssueParentAssociation'), 'parentId'],
    [item('Parent', 'parent'), 'parentId'],
    [item('Parent Link', 'customfield_10018'), 'parentId'],
    [item('Epic Link', 'customfield_10014'), 'parentId'],
    [item('Sprint', 'customfield_10020'), 'sprintIds'],
    [item('Story point estimate', 'customfield_10016'), 'estimate'],
    [item('Flagged', 'customfield_10021'), 'flag'],
    [item('Story Points'), 'estimate'],
    [item('Sprint'), 'sprintIds'],
    [item('Flagged'), 'flag'],
  ])('%j -> %s', (changelogItem, kind) => {
    expect(classifyChangelogItem(changelogItem, settings)).toBe(kind);
  });

  it.each([
    item('description', 'description'),
    item('resolution', 'resolution'),
    item('Rank', 'customfield_10019'),
    item('project', 'project'),
    item('Workflow'),
    item('Story Points', 'customfield_10028'),
    item('Team', 'customfield_10001'),
    item('Team'),
  ])('does not track %j', (changelogItem) => {
    expect(classifyChangelogItem(changelogItem, settings)).toBeNull();
  });

  it('honours configured field ids', () => {
    const custom = jiraConnectorSettingsSchema.parse({ storyPointsField: 'customfield_10028', teamField: 'customfield_10001' });
    expect(classifyChangelogItem(item('Story Points', 'customfield_10028'), custom)).toBe('estimate');
    expect(classifyChangelogItem(item('Story point estimate', 'customfield_10016'), custom)).toBeNull();
    expect(classifyChangelogItem(item('Team', 'customfield_10001'), custom)).toBe('team');
    expect(classifyChangelogItem(item('Team'), custom)).toBe('team');
  });
});
