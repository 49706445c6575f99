import { z } from 'zod';
import { jiraChangelogHistorySchema, jiraIssueSchema } from './jira-issue.schema';
import { jiraIdSchema, jiraStatusSchema, jiraVersionSchema } from './jira-primitives.schema';

/** `GET /rest/api/3/search/jql`: the last page has `isLast: true` and (in practice) no token. */
export const jiraSearchPageSchema = z.looseObject({
  issues: z.array(jiraIssueSchema),
  nextPageToken: z.string().nullish(),
  isLast: z.boolean().nullish(),
});
export type JiraSearchPage = z.infer<typeof jiraSearchPageSchema>;

/** Data Center `GET /rest/api/2/search`: offset paging (`startAt`, `total`). */
export const jiraOffsetSearchPageSchema = z.looseObject({
  startAt: z.number().int().nonnegative().nullish(),
  maxResults: z.number().int().nullish(),
  total: z.number().int().nonnegative().nullish(),
  issues: z.array(jiraIssueSchema),
});
export type JiraOffsetSearchPage = z.infer<typeof jiraOffsetSearchPageSchema>;

/** Data Center `GET /rest/api/2/issue/{id}?expand=changelog`: the changelog, oldest history first. */
export const jiraExpandedChangelogSchema = z.looseObject({
  changelog: z.looseObject({
    startAt: z.number().nullish(),
    maxResults: z.number().nullish(),
    total: z.number().nullish(),
    histories: z.array(jiraChangelogHistorySchema),
  }),
});

/** `GET /rest/api/3/issue/{id}/changelog`: offset paging, oldest history first. */
export const jiraChangelogPageSchema = z.looseObject({
  startAt: z.number().nullish(),
  maxResults: z.number().nullish(),
  total: z.number().nullish(),
  isLast: z.boolean().nullish(),
  values: z.array(jiraChangelogHistorySchema),
});
export type JiraChangelogPage = z.infer<typeof jiraChangelogPageSchema>;

/** `GET /rest/api/3/project/{key}/statuses`: statuses per issue type. */
export const jiraProjectStatusesSchema = z.array(
  z.looseObject({ id: jiraIdSchema.nullish(), name: z.string().nullish(), statuses: z.array(jiraStatusSchema) }),
);
export type JiraProjectStatuses = z.infer<typeof jiraProjectStatusesSchema>;

/** Cloud `GET /rest/api/3/project/{key}/version`: offset paging (at most 50 a page), `isLast` on the last. */
export const jiraVersionPageSchema = z.looseObject({
  startAt: z.number().int().nonnegative().nullish(),
  maxResults: z.number().int().nullish(),
  total: z.number().int().nonnegative().nullish(),
  isLast: z.boolean().nullish(),
  values: z.array(jiraVersionSchema),
});

/** Data Center `GET /rest/api/2/project/{key}/versions`: every version, unpaged. */
export const jiraVersionListSchema = z.array(jiraVersionSchema);

/** `POST /rest/api/3/search/approximate-count`. */
export const jiraApproximateCountSchema = z.looseObject({ count: z.number().int().nonnegative() });

/** An issue of a search export with `expand=changelog` (histories may be truncated at 100). */
export const jiraExportedIssueSchema = jiraIssueSchema.extend({
  changelog: z
    .looseObject({
      total: z.number().nullish(),
      histories: z.array(jiraChangelogHistorySchema),
    })
    .nullish(),
});
export type JiraExportedIssue = z.infer<typeof jiraExportedIssueSchema>;

export const jiraExportSchema = z.union([
  z.array(jiraExportedIssueSchema),
  z.looseObject({ issues: z.array(jiraExportedIssueSchema) }),
]);
