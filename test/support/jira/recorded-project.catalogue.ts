/** The fixed vocabulary of the recorded Jira Cloud site: statuses, users, types, sprints... */
export const SITE_URL = 'https://flowlens-demo.atlassian.net';
export const PROJECT = { id: '10000', key: 'FLOW', name: 'Flow Platform' } as const;
export const LEGACY_PROJECT = { id: '10010', key: 'LEG', name: 'Legacy Tracker' } as const;

export interface CatalogueStatus {
  readonly id: string;
  readonly name: string;
  readonly category: 'new' | 'indeterminate' | 'done';
  /** Used in old histories but no longer in the project's workflow (the statuses endpoint omits it). */
  readonly retired?: boolean;
}

export const STATUSES: readonly CatalogueStatus[] = [
  { id: '10000', name: 'To Do', category: 'new' },
  { id: '10005', name: 'Selected for Development', category: 'indeterminate', retired: true },
  { id: '3', name: 'In Progress', category: 'indeterminate' },
  { id: '10002', name: 'In Review', category: 'indeterminate' },
  { id: '10001', name: 'Done', category: 'done' },
];
export const STATUS = Object.fromEntries(STATUSES.map((status) => [status.name, status])) as Record<string, CatalogueStatus>;

export function statusNamed(name: string): CatalogueStatus {
  const status = STATUS[name];
  if (!status) throw new Error(`unknown status ${name}`);
  return status;
}

export const ISSUE_TYPES = [
  { id: '10000', name: 'Epic', hierarchyLevel: 1 },
  { id: '10001', name: 'Story', hierarchyLevel: 0 },
  { id: '10002', name: 'Task', hierarchyLevel: 0 },
  { id: '10004', name: 'Bug', hierarchyLevel: 0 },
] as const;

export const PRIORITIES = [
  { id: '1', name: 'Highest' },
  { id: '2', name: 'High' },
  { id: '3', name: 'Medium' },
  { id: '4', name: 'Low' },
  { id: '5', name: 'Lowest' },
] as const;

export const USERS = [
  ['712020:1d8e2a4b-0c3f-4e5a-9b6c-7d8e9f0a1b2c', 'Amara Okafor'],
  ['5d1234abcd5678ef90123456', 'Bram de Vries'],
  ['712020:2e9f3b5c-1d4a-4f6b-8c7d-8e9f0a1b2c3d', 'Chen Wei'],
  ['557058:3fa04c6d-2e5b-4a7c-9d8e-9f0a1b2c3d4e', 'Dolores Ruiz'],
  ['712020:40b15d7e-3f6c-4b8d-8e9f-0a1b2c3d4e5f', 'Emil Lindqvist'],
  ['5e2345bcde6789fa01234567', 'Farah Haddad'],
  ['712020:51c26e8f-4a7d-4c9e-9f0a-1b2c3d4e5f60', 'Goran Petrovic'],
  ['712020:62d37f90-5b8e-4d0f-8a1b-2c3d4e5f6071', 'Hana Sato'],
].map(([accountId, displayName]) => ({ accountId: accountId as string, displayName: displayName as string }));

export const COMPONENTS = [
  { id: '10200', name: 'API' },
  { id: '10201', name: 'Web' },
  { id: '10202', name: 'Ingest' },
  { id: '10203', name: 'Metrics' },
];

export const VERSIONS = Array.from({ length: 10 }, (_, index) => ({ id: String(10100 + index), name: `1.${index}.0` }));

export const LABELS = ['backend', 'blocked', 'customer', 'frontend', 'needs-info', 'tech-debt'];

export const EPOCH = Date.parse('2023-01-02T08:00:00.000Z');
export const SPRINT_DAYS = 14;

export function sprintName(id: number): string {
  return `FLOW Sprint ${id}`;
}

export function sprintWindow(id: number): { start: number; end: number } {
  const start = EPOCH + (id - 1) * SPRINT_DAYS * 86_400_000 + 3_600_000;
  return { start, end: start + SPRINT_DAYS * 86_400_000 };
}

export function sprintAt(time: number): number {
  return Math.max(1, Math.floor((time - EPOCH) / (SPRINT_DAYS * 86_400_000)) + 1);
}
