import { SITE_URL } from './people.catalog';

export type StatusName = 'To Do' | 'In Progress' | 'In Review' | 'Ready for QA' | 'Blocked' | 'Done';
type CategoryKey = 'new' | 'indeterminate' | 'done';

interface StatusDef {
  readonly id: string;
  readonly category: CategoryKey;
}

/** Company-managed projects share one status catalogue, so ids are site-wide. */
const STATUSES: Readonly<Record<StatusName, StatusDef>> = {
  'To Do': { id: '10000', category: 'new' },
  'In Progress': { id: '3', category: 'indeterminate' },
  Done: { id: '10001', category: 'done' },
  'In Review': { id: '10002', category: 'indeterminate' },
  'Ready for QA': { id: '10003', category: 'indeterminate' },
  Blocked: { id: '10004', category: 'indeterminate' },
};

const CATEGORIES: Readonly<Record<CategoryKey, { id: number; colorName: string; name: string }>> = {
  new: { id: 2, colorName: 'blue-gray', name: 'To Do' },
  indeterminate: { id: 4, colorName: 'yellow', name: 'In Progress' },
  done: { id: 3, colorName: 'green', name: 'Done' },
};

export function statusIdOf(name: StatusName): string {
  return STATUSES[name].id;
}

export function statusCategoryKeyOf(name: StatusName): CategoryKey {
  return STATUSES[name].category;
}

/** The `fields.status` object of a Jira Cloud issue. */
export function jiraStatus(name: StatusName): Record<string, unknown> {
  const { id, category } = STATUSES[name];
  const categoryDef = CATEGORIES[category];
  return {
    self: `${SITE_URL}/rest/api/2/status/${id}`,
    description: '',
    iconUrl: `${SITE_URL}/`,
    name,
    untranslatedName: name,
    id,
    statusCategory: {
      self: `${SITE_URL}/rest/api/2/statuscategory/${categoryDef.id}`,
      id: categoryDef.id,
      key: category,
      colorName: categoryDef.colorName,
      name: categoryDef.name,
    },
  };
}

/** Jira's "Done" resolution, set on entering a done status and cleared on reopening. */
export const DONE_RESOLUTION = {
  self: `${SITE_URL}/rest/api/2/resolution/10000`,
  id: '10000',
  description: 'Work has been completed on this issue.',
  name: 'Done',
} as const;
