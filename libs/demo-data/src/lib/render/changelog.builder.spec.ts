import { personAt } from '../catalog/people.catalog';
import type { IssueState } from '../plan/issue.plan';
import { planSprints } from '../plan/sprint.schedule';
import { planVersions } from '../plan/version.schedule';
import { seededRng } from '../random.util';
import { AgileCatalog } from './agile-catalog';
import { changelogItems, issueEventTypeName } from './changelog.builder';

const NOW = Date.parse('2026-11-26T05:30:00.000Z');
const OPEN = Date.parse('2026-07-29T09:00:00.000Z');
const catalog = new AgileCatalog(planSprints(OPEN, NOW, seededRng(1)), planVersions(OPEN, NOW, seededRng(1)));

const base: IssueState = {
  status: 'In Review',
  assignee: 0,
  labels: ['backend'],
  flagged: false,
  sprintIds: [1],
  points: 3,
  priority: 'Medium',
  fixVersionIds: [],
};

describe('changelogItems', () => {
  it('records nothing for an unchanged issue', () => {
    expect(changelogItems(base, { ...base }, catalog)).toEqual([]);
  });

  it('sets the resolution with the move to Done, and clears it on reopening', () => {
    const done = { ...base, status: 'Done' as const, fixVersionIds: ['10101'] };
    expect(changelogItems(base, done, catalog)).toEqual([
      { field: 'resolution', fieldtype: 'jira', fieldId: 'resolution', from: null, fromString: null, to: '10000', toString: 'Done' },
      { field: 'status', fieldtype: 'jira', fieldId: 'status', from: '10002', fromString: 'In Review', to: '10001', toString: 'Done' },
      { field: 'Fix Version', fieldtype: 'jira', fieldId: 'fixVersions', from: null, fromString: null, to: '10101', toString: '1.8.0' },
    ]);
    expect(issueEventTypeName(base, done)).toBe('issue_resolved');
    const reopened = { ...done, status: 'In Progress' as const };
    expect(changelogItems(done, reopened, catalog).map((item) => [item['field'], item['to']])).toEqual([
      ['resolution', null],
      ['status', '3'],
    ]);
    expect(issueEventTypeName(done, reopened)).toBe('issue_reopened');
  });

  it('writes custom fields as Jira Cloud does: flag, story points, sprints by id list', () => {
    const after = { ...base, flagged: true, points: 5, sprintIds: [1, 2] };
    expect(changelogItems(base, after, catalog)).toEqual([
      { field: 'Flagged', fieldtype: 'custom', fieldId: 'customfield_10021', from: null, fromString: null, to: '[10019]', toString: 'Impediment' },
      { field: 'Story point estimate', fieldtype: 'custom', fieldId: 'customfield_10016', from: null, fromString: '3', to: null, toString: '5' },
      { field: 'Sprint', fieldtype: 'custom', fieldId: 'customfield_10020', from: '1', fromString: 'PAY Sprint 1', to: '1, 2', toString: 'PAY Sprint 1, PAY Sprint 2' },
    ]);
    expect(issueEventTypeName(base, after)).toBe('issue_updated');
  });

  it('reassigns by account id and labels as one space-separated list', () => {
    const after = { ...base, assignee: 1, labels: ['backend', 'blocked'] };
    const [assignee, labels] = changelogItems(base, after, catalog);
    expect(assignee).toEqual(expect.objectContaining({ field: 'assignee', from: personAt(0).accountId, to: personAt(1).accountId, toString: 'Marco Bianchi' }));
    expect(labels).toEqual(expect.objectContaining({ field: 'labels', fromString: 'backend', toString: 'backend blocked' }));
    expect(issueEventTypeName(base, { ...base, assignee: 1 })).toBe('issue_assigned');
  });
});
