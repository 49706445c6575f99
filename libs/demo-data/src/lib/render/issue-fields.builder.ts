import { jiraIssueType, jiraPriority } from '../catalog/issue-type.catalog';
import { jiraUser, SITE_URL } from '../catalog/people.catalog';
import { jiraProjectRef } from '../catalog/project.catalog';
import { DONE_RESOLUTION, jiraStatus } from '../catalog/workflow.catalog';
import type { IssuePlan, IssueState } from '../plan/issue.plan';
import { jiraDateTime } from '../time.util';
import type { AgileCatalog } from './agile-catalog';

/** One issue at one moment, with the dates Jira derives from its history. */
export interface IssueSnapshot {
  readonly plan: IssuePlan;
  readonly state: IssueState;
  readonly updatedAt: number;
  readonly statusCategoryChangedAt: number;
  readonly resolvedAt: number | null;
}

const FLAGGED = [{ self: `${SITE_URL}/rest/api/2/customFieldOption/10019`, value: 'Impediment', id: '10019' }];

/** The full `issue` object of a Jira Cloud webhook, shaped like the recorded deliveries. */
export function jiraIssue(snapshot: IssueSnapshot, catalog: AgileCatalog): Record<string, unknown> {
  const { plan, state, updatedAt } = snapshot;
  const self = `${SITE_URL}/rest/api/2/issue/${plan.id}`;
  const done = state.status === 'Done';
  const fields = {
    statuscategorychangedate: jiraDateTime(snapshot.statusCategoryChangedAt),
    issuetype: jiraIssueType(plan.type),
    timespent: null,
    project: jiraProjectRef(plan.project),
    fixVersions: state.fixVersionIds.map((id) => catalog.issueVersion(id, updatedAt)),
    aggregatetimespent: null,
    resolution: done ? { ...DONE_RESOLUTION } : null,
    resolutiondate: done && snapshot.resolvedAt !== null ? jiraDateTime(snapshot.resolvedAt) : null,
    workratio: -1,
    watches: { self: `${SITE_URL}/rest/api/2/issue/${plan.key}/watchers`, watchCount: state.assignee === null ? 1 : 2, isWatching: true },
    lastViewed: null,
    created: jiraDateTime(plan.created),
    customfield_10020: state.sprintIds.length > 0 ? state.sprintIds.map((id) => catalog.issueSprint(id, updatedAt)) : null,
    customfield_10021: state.flagged ? FLAGGED.map((option) => ({ ...option })) : null,
    customfield_10022: null,
    priority: jiraPriority(state.priority),
    labels: [...state.labels],
    customfield_10016: state.points,
    customfield_10017: null,
    customfield_10019: plan.rank,
    timeestimate: null,
    aggregatetimeoriginalestimate: null,
    versions: [],
    issuelinks: [],
    assignee: state.assignee === null ? null : jiraUser(state.assignee),
    updated: jiraDateTime(updatedAt),
    status: jiraStatus(state.status),
    components: plan.components.map(([id, name]) => ({ self: `${SITE_URL}/rest/api/2/component/${id}`, id, name })),
    timeoriginalestimate: null,
    description: plan.description,
    customfield_10010: null,
    customfield_10014: null,
    customfield_10015: null,
    timetracking: {},
    security: null,
    attachment: [],
    aggregatetimeestimate: null,
    summary: plan.summary,
    creator: jiraUser(plan.reporter),
    subtasks: [],
    reporter: jiraUser(plan.reporter),
    aggregateprogress: { progress: 0, total: 0 },
    environment: null,
    duedate: plan.dueDate,
    progress: { progress: 0, total: 0 },
    votes: { self: `${SITE_URL}/rest/api/2/issue/${plan.key}/votes`, votes: 0, hasVoted: false },
  };
  return { id: plan.id, self, key: plan.key, fields };
}
