import { SITE_URL } from './people.catalog';

export type IssueTypeName = 'Story' | 'Task' | 'Bug' | 'Tech Debt' | 'Security';
export type PriorityName = 'Highest' | 'High' | 'Medium' | 'Low' | 'Lowest';

const ISSUE_TYPES: Readonly<Record<IssueTypeName, { id: string; avatarId: number; description: string }>> = {
  Story: { id: '10001', avatarId: 10315, description: 'Stories track functionality or features expressed as user goals.' },
  Task: { id: '10002', avatarId: 10318, description: 'A small, distinct piece of work.' },
  Bug: { id: '10004', avatarId: 10303, description: 'Bugs track problems or errors.' },
  'Tech Debt': { id: '10005', avatarId: 10321, description: 'Work that pays back shortcuts taken earlier.' },
  Security: { id: '10006', avatarId: 10320, description: 'A vulnerability or hardening task.' },
};

const PRIORITIES: Readonly<Record<PriorityName, { id: string; icon: string }>> = {
  Highest: { id: '1', icon: 'highest' },
  High: { id: '2', icon: 'high' },
  Medium: { id: '3', icon: 'medium' },
  Low: { id: '4', icon: 'low' },
  Lowest: { id: '5', icon: 'lowest' },
};

/** Relative share of each type among new issues. */
export const TYPE_MIX: ReadonlyArray<readonly [IssueTypeName, number]> = [
  ['Story', 44],
  ['Bug', 26],
  ['Task', 20],
  ['Tech Debt', 6],
  ['Security', 4],
];

export const PRIORITY_MIX: ReadonlyArray<readonly [PriorityName, number]> = [
  ['Highest', 4],
  ['High', 22],
  ['Medium', 56],
  ['Low', 15],
  ['Lowest', 3],
];

export function jiraIssueType(name: IssueTypeName): Record<string, unknown> {
  const type = ISSUE_TYPES[name];
  return {
    self: `${SITE_URL}/rest/api/2/issuetype/${type.id}`,
    id: type.id,
    description: type.description,
    iconUrl: `${SITE_URL}/rest/api/2/universal_avatar/view/type/issuetype/avatar/${type.avatarId}?size=medium`,
    name,
    subtask: false,
    avatarId: type.avatarId,
    hierarchyLevel: 0,
  };
}

export function priorityIdOf(name: PriorityName): string {
  return PRIORITIES[name].id;
}

export function jiraPriority(name: PriorityName): Record<string, unknown> {
  const priority = PRIORITIES[name];
  return {
    self: `${SITE_URL}/rest/api/2/priority/${priority.id}`,
    iconUrl: `${SITE_URL}/images/icons/priorities/${priority.icon}.svg`,
    name,
    id: priority.id,
  };
}
