import {
  COMPONENTS,
  EPOCH,
  ISSUE_TYPES,
  PROJECT,
  LEGACY_PROJECT,
  SITE_URL,
  STATUSES,
  VERSIONS,
  sprintName,
  sprintWindow,
  type CatalogueStatus,
} from './recorded-project.catalogue';
import type { SimState } from './issue-simulator';
import type { JsonObject } from './recorded-project.types';

const api = (path: string) => `${SITE_URL}/rest/api/3/${path}`;
const DAY = 86_400_000;
const isoDate = (at: number) => new Date(at).toISOString().slice(0, 10);
const userDate = (at: number) => {
  const d = new Date(at);
  return `${d.getUTCDate()}/${d.toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' })}/${String(d.getUTCFullYear()).slice(2)}`;
};

/**
 * The project's versions as `GET /rest/api/3/project/{key}/version` lists them: four-weekly
 * releases from the epoch, the first five released (the second archived), the last without dates.
 */
export function projectVersionsJson(): JsonObject[] {
  return VERSIONS.map((version, index) => {
    const start = EPOCH + index * 28 * DAY;
    const release = start + 27 * DAY;
    const dated = index < VERSIONS.length - 1;
    return {
      self: api(`version/${version.id}`),
      id: version.id,
      description: `Release ${version.name}`,
      name: version.name,
      archived: index === 1,
      released: index < 5,
      ...(dated ? { startDate: isoDate(start), releaseDate: isoDate(release), overdue: false, userStartDate: userDate(start), userReleaseDate: userDate(release) } : {}),
      projectId: Number(PROJECT.id),
    };
  });
}

/** Jira's own instant format: milliseconds and a `+0000` offset. */
export function jiraInstant(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

export function userJson(user: { accountId: string; displayName: string }): JsonObject {
  const avatar = (size: number) => `https://secure.gravatar.com/avatar/${user.accountId.replace(/[^0-9a-f]/g, '').padEnd(32, '0').slice(0, 32)}?s=${size}&d=identicon`;
  return {
    self: api(`user?accountId=${encodeURIComponent(user.accountId)}`),
    accountId: user.accountId,
    avatarUrls: { '48x48': avatar(48), '24x24': avatar(24), '16x16': avatar(16), '32x32': avatar(32) },
    displayName: user.displayName,
    active: true,
    timeZone: 'Europe/Amsterdam',
    accountType: 'atlassian',
  };
}

const CATEGORY: Record<CatalogueStatus['category'], JsonObject> = {
  new: { self: api('statuscategory/2'), id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' },
  indeterminate: { self: api('statuscategory/4'), id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' },
  done: { self: api('statuscategory/3'), id: 3, key: 'done', colorName: 'green', name: 'Done' },
};

export function statusJson(status: CatalogueStatus): JsonObject {
  return { self: api(`status/${status.id}`), description: '', iconUrl: `${SITE_URL}/`, name: status.name, untranslatedName: status.name, id: status.id, statusCategory: CATEGORY[status.category] };
}

export function projectStatusesJson(): JsonObject[] {
  return ISSUE_TYPES.map((type) => ({
    self: api(`issuetype/${type.id}`),
    id: type.id,
    name: type.name,
    subtask: false,
    statuses: STATUSES.filter((status) => !status.retired).map(statusJson),
  }));
}

function issueTypeJson(name: string): JsonObject {
  const type = ISSUE_TYPES.find((t) => t.name === name) ?? ISSUE_TYPES[1];
  return { self: api(`issuetype/${type.id}`), id: type.id, description: '', iconUrl: api(`universal_avatar/view/type/issuetype/avatar/${10300 + Number(type.id) % 100}?size=medium`), name: type.name, subtask: false, avatarId: 10300 + (Number(type.id) % 100), hierarchyLevel: type.hierarchyLevel };
}

function projectJson(key: string): JsonObject {
  const project = key === PROJECT.key ? PROJECT : LEGACY_PROJECT;
  return { self: api(`project/${project.id}`), id: project.id, key: project.key, name: project.name, projectTypeKey: 'software', simplified: false, avatarUrls: { '48x48': api(`universal_avatar/view/type/project/avatar/10411`) } };
}

function sprintJson(id: number, now: number): JsonObject {
  const { start, end } = sprintWindow(id);
  const state = end < now ? 'closed' : start <= now ? 'active' : 'future';
  const dates = state === 'future' ? {} : { startDate: new Date(start).toISOString(), endDate: new Date(end).toISOString() };
  return { id, name: sprintName(id), state, boardId: 1, goal: '', ...dates, ...(state === 'closed' ? { completeDate: new Date(end + 600_000).toISOString() } : {}) };
}

const adf = (text: string) => ({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

export interface IssueTimes {
  readonly created: number;
  readonly updated: number;
  readonly now: number;
}

/** The issue as `search/jql?fields=*all` returns it for the given (final) state. */
export function issueJson(id: string, state: SimState, times: IssueTimes, reporter: JsonObject): JsonObject & { id: string; key: string } {
  const priority = { self: api(`priority/${state.priority.id}`), iconUrl: `${SITE_URL}/images/icons/priorities/${state.priority.name.toLowerCase()}.svg`, name: state.priority.name, id: state.priority.id };
  return {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id,
    self: api(`issue/${id}`),
    key: state.key,
    fields: {
      statuscategorychangedate: jiraInstant(times.updated),
      issuetype: issueTypeJson(state.typeName),
      timespent: null,
      project: projectJson(state.projectKey),
      fixVersions: state.fixVersionIds.map((vid) => ({ self: api(`version/${vid}`), id: vid, description: '', name: VERSIONS.find((v) => v.id === vid)?.name, archived: false, released: false })),
      resolution: state.status.category === 'done' ? { self: api('resolution/10000'), id: '10000', description: 'Work has been completed on this issue.', name: 'Done' } : null,
      resolutiondate: state.status.category === 'done' ? jiraInstant(times.updated) : null,
      workratio: -1,
      watches: { self: api(`issue/${state.key}/watchers`), watchCount: 1, isWatching: false },
      lastViewed: null,
      created: jiraInstant(times.created),
      customfield_10020: state.sprintIds.length > 0 ? state.sprintIds.map((sid) => sprintJson(sid, times.now)) : null,
      customfield_10021: state.flagged ? [{ self: api('customFieldOption/10019'), value: 'Impediment', id: '10019' }] : null,
      priority,
      labels: state.labels,
      customfield_10016: state.points,
      customfield_10019: `0|i00${id.slice(-3)}:`,
      timeestimate: null,
      versions: [],
      issuelinks: [],
      assignee: state.assignee ? userJson(state.assignee) : null,
      updated: jiraInstant(times.updated),
      status: statusJson(state.status),
      components: state.componentIds.map((cid) => ({ self: api(`component/${cid}`), id: cid, name: COMPONENTS.find((c) => c.id === cid)?.name })),
      description: adf(state.description),
      summary: state.summary,
      creator: reporter,
      subtasks: [],
      reporter,
      aggregateprogress: { progress: 0, total: 0 },
      environment: null,
      duedate: state.duedate,
      progress: { progress: 0, total: 0 },
      votes: { self: api(`issue/${state.key}/votes`), votes: 0, hasVoted: false },
      ...(state.parentId
        ? { parent: { id: state.parentId, key: `FLOW-${Number(state.parentId) - 10000}`, self: api(`issue/${state.parentId}`), fields: { summary: `Epic ${Number(state.parentId) - 10000}`, issuetype: issueTypeJson('Epic') } } }
        : {}),
    },
  };
}
