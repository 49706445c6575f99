import { z } from 'zod';

/** Per-connector settings; Jira sites number their custom fields differently. */
export const jiraConnectorSettingsSchema = z.object({
  /** Story points: `customfield_10016` is "Story point estimate" on Jira Cloud. */
  storyPointsField: z.string().min(1).default('customfield_10016'),
  sprintField: z.string().min(1).default('customfield_10020'),
  flaggedField: z.string().min(1).default('customfield_10021'),
  /** Optional: no team is tracked unless set (e.g. Atlassian Teams `customfield_10001`). */
  teamField: z.string().min(1).optional(),
  /** Optional: the Jira site (`https://acme.atlassian.net`), so that the dashboard links each item to its issue. */
  siteUrl: z.url().optional(),
});
export type JiraConnectorSettings = z.infer<typeof jiraConnectorSettingsSchema>;
export type JiraConnectorSettingsInput = z.input<typeof jiraConnectorSettingsSchema>;
