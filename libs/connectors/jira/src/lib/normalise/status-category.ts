import type { StatusCategory } from '@flowlens/contracts';

const BY_JIRA_KEY: ReadonlyMap<string, StatusCategory> = new Map([
  ['new', 'todo'],
  ['indeterminate', 'in_progress'],
  ['done', 'done'],
]);

/** Jira's statusCategory key (new / indeterminate / done) as the canonical category. */
export function statusCategoryOf(jiraKey: string | null | undefined): StatusCategory | null {
  return jiraKey ? (BY_JIRA_KEY.get(jiraKey) ?? null) : null;
}

/** Resolves the category of a status id, where the source knows it. */
export type StatusCategoryLookup = (statusId: string | null) => StatusCategory | null;
