import { z } from 'zod';

/** Jira ids are strings in REST v2/v3 payloads but numbers in some webhook bodies (project, sprint). */
export const jiraIdSchema = z
  .union([z.string().min(1), z.number().int().nonnegative()])
  .transform((value) => String(value));

/** Cloud users carry `accountId`; Data Center users carry `name`/`key`. Both carry `displayName`. */
export const jiraUserSchema = z.looseObject({
  accountId: z.string().nullish(),
  key: z.string().nullish(),
  name: z.string().nullish(),
  displayName: z.string().nullish(),
});
export type JiraUser = z.infer<typeof jiraUserSchema>;

export const jiraStatusSchema = z.looseObject({
  id: jiraIdSchema.nullish(),
  name: z.string(),
  statusCategory: z.looseObject({ key: z.string().nullish() }).nullish(),
});
export type JiraStatus = z.infer<typeof jiraStatusSchema>;

/** Issue type, priority, component, version: objects with a `name`. */
export const jiraNamedSchema = z.looseObject({ id: jiraIdSchema.nullish(), name: z.string() });

/** Atlassian's own documentation samples show `priority` as a bare string; accept both. */
export const jiraNamedOrStringSchema = z.union([z.string(), jiraNamedSchema]);

/**
 * A project version (a release) as webhooks and both REST APIs carry it. `releaseDate` and
 * `startDate` are local dates (`2024-03-18`); a version without dates omits them.
 */
export const jiraVersionSchema = z.looseObject({
  id: jiraIdSchema.nullish(),
  name: z.string().nullish(),
  releaseDate: z.string().nullish(),
  startDate: z.string().nullish(),
  released: z.boolean().nullish(),
  archived: z.boolean().nullish(),
  projectId: jiraIdSchema.nullish(),
  projectKey: z.string().nullish(),
});
export type JiraVersion = z.infer<typeof jiraVersionSchema>;
