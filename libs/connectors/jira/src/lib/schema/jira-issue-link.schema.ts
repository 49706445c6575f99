import { z } from 'zod';
import { jiraIdSchema } from './jira-primitives.schema';

const linkTypeSchema = z.looseObject({
  name: z.string().nullish(),
  inward: z.string().nullish(),
  outward: z.string().nullish(),
  inwardName: z.string().nullish(),
  outwardName: z.string().nullish(),
});
export type JiraLinkType = z.infer<typeof linkTypeSchema>;

const linkedIssueSchema = z.looseObject({ id: jiraIdSchema.nullish(), key: z.string().min(1).nullish() });

/** One entry of an issue's `fields.issuelinks`: the other end is `inwardIssue` or `outwardIssue`. */
export const jiraIssueLinkEntrySchema = z.looseObject({
  id: jiraIdSchema.nullish(),
  type: linkTypeSchema.nullish(),
  inwardIssue: linkedIssueSchema.nullish(),
  outwardIssue: linkedIssueSchema.nullish(),
});
export type JiraIssueLinkEntry = z.infer<typeof jiraIssueLinkEntrySchema>;

/** `fields.issuelinks` where a payload carries it; anything unreadable is treated as absent. */
export const jiraIssueLinksFieldSchema = z.array(jiraIssueLinkEntrySchema);

/** `issuelink_created` / `issuelink_deleted`: the source issue's outward side points at the destination. */
export const jiraIssueLinkWebhookSchema = z.looseObject({
  webhookEvent: z.string().min(1),
  timestamp: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).nullish(),
  issueLink: z.looseObject({
    id: jiraIdSchema,
    sourceIssueId: jiraIdSchema,
    destinationIssueId: jiraIdSchema,
    issueLinkType: linkTypeSchema.nullish(),
  }),
});
export type JiraIssueLinkWebhook = z.infer<typeof jiraIssueLinkWebhookSchema>;
