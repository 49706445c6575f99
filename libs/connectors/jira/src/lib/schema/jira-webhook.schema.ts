import { z } from 'zod';
import { jiraChangelogSchema, jiraIssueRefSchema, jiraIssueSchema } from './jira-issue.schema';
import { jiraIdSchema, jiraVersionSchema } from './jira-primitives.schema';

/** Epoch milliseconds; a numeric string is tolerated (some proxies re-serialise numbers). */
const timestampSchema = z
  .union([z.number(), z.string().regex(/^\d+$/).transform(Number)])
  .nullish()
  .transform((value) => value ?? null);

export const jiraWebhookEnvelopeSchema = z.looseObject({
  webhookEvent: z.string().min(1),
  timestamp: timestampSchema,
});

export const jiraIssueCreatedWebhookSchema = jiraWebhookEnvelopeSchema.extend({
  issue: jiraIssueSchema,
  changelog: jiraChangelogSchema.nullish(),
});
export const jiraIssueUpdatedWebhookSchema = jiraWebhookEnvelopeSchema.extend({
  issue: jiraIssueRefSchema,
  changelog: jiraChangelogSchema.nullish(),
});
export const jiraIssueDeletedWebhookSchema = jiraWebhookEnvelopeSchema.extend({ issue: jiraIssueRefSchema });

const optionalText = z.string().nullish();

export const jiraSprintSchema = z.looseObject({
  id: jiraIdSchema.nullish(),
  name: optionalText,
  state: optionalText,
  startDate: optionalText,
  endDate: optionalText,
  completeDate: optionalText,
  goal: optionalText,
  originBoardId: jiraIdSchema.nullish(),
});
export const jiraSprintWebhookSchema = jiraWebhookEnvelopeSchema.extend({ sprint: jiraSprintSchema });

export const jiraProjectWebhookSchema = jiraWebhookEnvelopeSchema.extend({
  project: z.looseObject({ id: jiraIdSchema.nullish(), key: optionalText, name: optionalText }),
});

export const jiraVersionWebhookSchema = jiraWebhookEnvelopeSchema.extend({ version: jiraVersionSchema });

export type JiraIssueCreatedWebhook = z.infer<typeof jiraIssueCreatedWebhookSchema>;
export type JiraIssueUpdatedWebhook = z.infer<typeof jiraIssueUpdatedWebhookSchema>;
export type JiraIssueDeletedWebhook = z.infer<typeof jiraIssueDeletedWebhookSchema>;
export type JiraSprintWebhook = z.infer<typeof jiraSprintWebhookSchema>;
export type JiraProjectWebhook = z.infer<typeof jiraProjectWebhookSchema>;
export type JiraVersionWebhook = z.infer<typeof jiraVersionWebhookSchema>;
