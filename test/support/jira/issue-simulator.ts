import {
  COMPONENTS,
  LABELS,
  LEGACY_PROJECT,
  PRIORITIES,
  PROJECT,
  STATUS,
  USERS,
  VERSIONS,
  sprintAt,
  sprintName,
  type CatalogueStatus,
} from './recorded-project.catalogue';
import type { RecordedChangelogItem } from './recorded-project.types';
import type { SeededRandom } from '../seeded-random';

/** An issue's state as the simulator evolves it; turned into Jira JSON by the shapes module. */
export interface SimState {
  readonly projectKey: string;
  readonly key: string;
  readonly status: CatalogueStatus;
  readonly summary: string;
  readonly typeName: string;
  readonly priority: (typeof PRIORITIES)[number];
  readonly assignee: (typeof USERS)[number] | null;
  readonly labels: string[];
  readonly componentIds: string[];
  readonly fixVersionIds: string[];
  readonly duedate: string | null;
  readonly parentId: string | null;
  readonly sprintIds: number[];
  readonly points: number | null;
  readonly flagged: boolean;
  readonly description: string;
}

export interface SimChange {
  readonly state: SimState;
  readonly items: RecordedChangelogItem[];
}

const NEXT_STATUS: Record<string, string[]> = {
  'To Do': ['In Progress', 'In Progress', 'Selected for Development'],
  'Selected for Development': ['In Progress'],
  'In Progress': ['In Review', 'In Review', 'To Do'],
  'In Review': ['Done', 'Done', 'In Progress'],
  Done: ['In Progress'],
};
const POINTS = [1, 2, 3, 5, 8, 13];

const item = (field: string, fieldtype: 'jira' | 'custom', fieldId: string | undefined, from: string | null, fromString: string | null, to: string | null, toString: string | null, extra: Record<string, unknown> = {}): RecordedChangelogItem => ({
  field,
  fieldtype,
  ...(fieldId === undefined ? {} : { fieldId }),
  from,
  fromString,
  to,
  toString,
  ...extra,
});
const nameOf = (list: ReadonlyArray<{ id: string; name: string }>, id: string) => list.find((entry) => entry.id === id)?.name ?? id;
const keyOfIssue = (id: string) => `FLOW-${Number(id) - 10000}`;
const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** One random change at time `at`; every item is the Jira changelog item that change would record. */
export function simulateChange(state: SimState, at: number, random: SeededRandom, epicIds: readonly string[], allowRetired: boolean): SimChange {
  const kind = random.weighted<string>([
    ['status', 5], ['assignee', 2], ['labels', 1.2], ['flag', 1], ['points', 1], ['sprint', 1], ['priority', 0.7],
    ['fixVersion', 0.6], ['component', 0.5], ['summary', 0.5], ['duedate', 0.5], ['parent', epicIds.length > 0 && state.typeName !== 'Epic' ? 0.4 : 0],
    ['description', 0.8], ['rank', 0.6],
  ]);
  switch (kind) {
    case 'status': {
      const options = NEXT_STATUS[state.status.name]?.filter((name) => allowRetired || !STATUS[name]?.retired) ?? ['In Progress'];
      const to = STATUS[random.pick(options)] ?? state.status;
      const items = [item('status', 'jira', 'status', state.status.id, state.status.name, to.id, to.name)];
      if (to.name === 'Done') items.push(item('resolution', 'jira', 'resolution', null, null, '10000', 'Done'));
      if (state.status.name === 'Done') items.push(item('resolution', 'jira', 'resolution', '10000', 'Done', null, null));
      return { state: { ...state, status: to }, items };
    }
    case 'assignee': {
      const to = random.chance(0.15) ? null : random.pick(USERS);
      if (to?.accountId === state.assignee?.accountId) return simulateChange(state, at, random, epicIds, allowRetired);
      const from = state.assignee;
      return {
        state: { ...state, assignee: to },
        items: [item('assignee', 'jira', 'assignee', from?.accountId ?? null, from?.displayName ?? null, to?.accountId ?? null, to?.displayName ?? null, { tmpFromAccountId: from?.accountId ?? null, tmpToAccountId: to?.accountId ?? null })],
      };
    }
    case 'labels': {
      const label = random.chance(0.5) ? 'blocked' : random.pick(LABELS);
      const labels = state.labels.includes(label) ? state.labels.filter((l) => l !== label) : [...state.labels, label].sort();
      return { state: { ...state, labels }, items: [item('labels', 'jira', 'labels', null, state.labels.join(' '), null, labels.join(' '))] };
    }
    case 'flag':
      return {
        state: { ...state, flagged: !state.flagged },
        items: [state.flagged ? item('Flagged', 'custom', 'customfield_10021', '[10019]', 'Impediment', null, null) : item('Flagged', 'custom', 'customfield_10021', null, null, '[10019]', 'Impediment')],
      };
    case 'points': {
      const points = random.pick(POINTS.filter((p) => p !== state.points));
      return { state: { ...state, points }, items: [item('Story point estimate', 'custom', 'customfield_10016', null, state.points === null ? null : String(state.points), null, String(points))] };
    }
    case 'sprint': {
      const next = Math.max(sprintAt(at), ...state.sprintIds.map((id) => id + 1));
      const sprintIds = [...state.sprintIds, next];
      const text = (ids: number[]) => ids.map(sprintName).join(', ');
      return { state: { ...state, sprintIds }, items: [item('Sprint', 'custom', 'customfield_10020', state.sprintIds.join(', '), text(state.sprintIds), sprintIds.join(', '), text(sprintIds))] };
    }
    case 'priority': {
      const to = random.pick(PRIORITIES.filter((p) => p.id !== state.priority.id));
      return { state: { ...state, priority: to }, items: [item('priority', 'jira', 'priority', state.priority.id, state.priority.name, to.id, to.name)] };
    }
    case 'fixVersion': {
      const full = state.fixVersionIds.length === VERSIONS.length;
      const removable = full || (state.fixVersionIds.length > 0 && random.chance(0.3));
      const id = removable ? random.pick(state.fixVersionIds) : random.pick(VERSIONS.filter((v) => !state.fixVersionIds.includes(v.id))).id;
      return removable
        ? { state: { ...state, fixVersionIds: state.fixVersionIds.filter((v) => v !== id) }, items: [item('Fix Version', 'jira', 'fixVersions', id, nameOf(VERSIONS, id), null, null)] }
        : { state: { ...state, fixVersionIds: [...state.fixVersionIds, id] }, items: [item('Fix Version', 'jira', 'fixVersions', null, null, id, nameOf(VERSIONS, id))] };
    }
    case 'component': {
      const free = COMPONENTS.filter((c) => !state.componentIds.includes(c.id));
      if (free.length === 0) return simulateChange(state, at, random, epicIds, allowRetired);
      const added = random.pick(free);
      return { state: { ...state, componentIds: [...state.componentIds, added.id] }, items: [item('Component', 'jira', 'components', null, null, added.id, added.name)] };
    }
    case 'summary': {
      const summary = `${state.summary.replace(/ \(rev \d+\)$/, '')} (rev ${random.int(2, 99)})`;
      return { state: { ...state, summary }, items: [item('summary', 'jira', 'summary', null, state.summary, null, summary)] };
    }
    case 'duedate': {
      const due = date(at + random.int(3, 40) * 86_400_000);
      const full = (d: string | null) => (d === null ? null : `${d} 00:00:00.0`);
      return { state: { ...state, duedate: due }, items: [item('duedate', 'jira', 'duedate', state.duedate, full(state.duedate), due, full(due))] };
    }
    case 'parent': {
      const parentId = random.pick(epicIds.filter((id) => id !== state.parentId));
      return {
        state: { ...state, parentId },
        items: [item('IssueParentAssociation', 'jira', undefined, state.parentId, state.parentId && keyOfIssue(state.parentId), parentId, keyOfIssue(parentId))],
      };
    }
    case 'description': {
      const description = `${state.description.split(' Update')[0]} Update ${random.int(1, 999)}.`;
      return { state: { ...state, description }, items: [item('description', 'jira', 'description', null, state.description, null, description)] };
    }
    default:
      return { state, items: [item('Rank', 'custom', 'customfield_10019', '', '', '', random.chance(0.5) ? 'Ranked higher' : 'Ranked lower')] };
  }
}

/** The move from the legacy project into FLOW: Jira records the project and the key. */
export function simulateMove(state: SimState, finalKey: string): SimChange {
  return {
    state: { ...state, projectKey: PROJECT.key, key: finalKey },
    items: [
      item('project', 'jira', 'project', LEGACY_PROJECT.id, LEGACY_PROJECT.name, PROJECT.id, PROJECT.name),
      item('Key', 'jira', 'key', null, state.key, null, finalKey),
      item('Workflow', 'jira', undefined, '10400', 'LEG: Classic Workflow', '10401', 'FLOW: Software Simplified Workflow'),
    ],
  };
}
