import type { StatusCategory } from '@flowlens/contracts';
import type { JiraIssue } from '../schema/jira-issue.schema';
import type { JiraProjectStatuses } from '../schema/jira-rest.schema';
import { statusCategoryOf } from '../normalise/status-category';

export interface CataloguedStatus {
  readonly name: string;
  readonly category: StatusCategory | null;
}

/** Status id -> name and category, to give historic status changes their categories. */
export type JiraStatusCatalogue = ReadonlyMap<string, CataloguedStatus>;

export function statusCatalogueOf(...responses: readonly JiraProjectStatuses[]): JiraStatusCatalogue {
  const catalogue = new Map<string, CataloguedStatus>();
  for (const issueType of responses.flat()) {
    for (const status of issueType.statuses) {
      if (status.id) catalogue.set(status.id, { name: status.name, category: statusCategoryOf(status.statusCategory?.key) });
    }
  }
  return catalogue;
}

/** What a set of issues reveals through their current statuses (file imports have nothing better). */
export function statusCatalogueFromIssues(issues: readonly JiraIssue[]): JiraStatusCatalogue {
  const catalogue = new Map<string, CataloguedStatus>();
  for (const { fields } of issues) {
    const status = fields.status;
    if (status?.id) catalogue.set(status.id, { name: status.name, category: statusCategoryOf(status.statusCategory?.key) });
  }
  return catalogue;
}

export function mergeStatusCatalogues(...catalogues: readonly JiraStatusCatalogue[]): JiraStatusCatalogue {
  return new Map(catalogues.flatMap((catalogue) => [...catalogue]));
}
