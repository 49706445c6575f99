import { z } from 'zod';
import {
  jiraIdSchema,
  jiraNamedOrStringSchema,
  jiraNamedSchema,
  jiraStatusSchema,
  jiraUserSchema,
} from './jira-primitives.schema';

/**
 * The fields normalisation reads are typed; everything else (custom fields included) passes through
 * untouched, because every Jira site has its own.
 */
export const jiraIssueFieldsSchema = z.looseObject({
  summary: z.string().nullish(),
  issuetype: jiraNamedOrStringSchema.nullish(),
  status: jiraStatusSchema.nullish(),
  priority: jiraNamedOrStringSchema.nullish(),
  assignee: jiraUserSchema.nullish(),
  labels: z.array(z.string()).nullish(),
  components: z.array(jiraNamedSchema).nullish(),
  fixVersions: z.array(jiraNamedSchema).nullish(),
  duedate: z.string().nullish(),
  parent: z.looseObject({ id: jiraIdSchema, key: z.string().nullish() }).nullish(),
  project: z.looseObject({ id: jiraIdSchema.nullish(), key: z.string().min(1), name: z.string().nullish() }).nullish(),
  created: z.string().nullish(),
});
export type JiraIssueFields = z.infer<typeof jiraIssueFieldsSchema>;

export const jiraIssueSchema = z.looseObject({
  id: jiraIdSchema,
  key: z.string().min(1),
  fields: jiraIssueFieldsSchema,
});
export type JiraIssue = z.infer<typeof jiraIssueSchema>;

/** Update and delete webhooks need only the identity; fields are read when present. */
export const jiraIssueRefSchema = jiraIssueSchema.extend({ fields: jiraIssueFieldsSchema.optional() });
export type JiraIssueRef = z.infer<typeof jiraIssueRefSchema>;

const nullableText = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((value) => (value === null || value === undefined ? null : String(value)));

const itemShape = z.object({
  field: z.string(),
  fieldId: z.string().nullish().transform((value) => value ?? null),
  from: nullableText,
  fromText: nullableText,
  to: nullableText,
  toText: nullableText,
});

/**
 * Jira names a changelog property `toString`. Reading it off a plain object finds
 * `Object.prototype.toString` when it is absent, so it is copied to `toText` (and `fromString` to
 * `fromText` for symmetry) from own properties only. Already-parsed items parse again unchanged.
 */
export const jiraChangelogItemSchema = z.preprocess((raw) => {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const own = (key: string): unknown => (Object.hasOwn(raw, key) ? (raw as Record<string, unknown>)[key] : undefined);
  return {
    field: own('field'),
    fieldId: own('fieldId'),
    from: own('from'),
    fromText: own('fromString') ?? own('fromText'),
    to: own('to'),
    toText: own('toString') ?? own('toText'),
  };
}, itemShape);
export type JiraChangelogItem = z.infer<typeof itemShape>;

/** A webhook's `changelog` (no `created`) or one REST changelog history (with `created`). */
export const jiraChangelogSchema = z.looseObject({
  id: jiraIdSchema.nullish(),
  created: z.string().nullish(),
  items: z.array(jiraChangelogItemSchema).nullish(),
});
export type JiraChangelog = z.infer<typeof jiraChangelogSchema>;

/** A history from `GET /issue/{id}/changelog` or an expanded export: the id is mandatory there. */
export const jiraChangelogHistorySchema = z.looseObject({
  id: jiraIdSchema,
  created: z.string().min(1),
  items: z.array(jiraChangelogItemSchema),
});
export type JiraChangelogHistory = z.infer<typeof jiraChangelogHistorySchema>;
