import { z } from 'zod';

/**
 * Where a back-fill stands, after a whole page of issues (and all their changelogs) was handed
 * out. Opaque to callers: store it as JSON, pass it back to resume. Jira Cloud's page tokens expire
 * after 7 days, so a Cloud checkpoint older than that cannot resume; Data Center pages by offset.
 */
export const jiraBackfillCheckpointSchema = z.object({
  version: z.literal(1),
  jql: z.string(),
  nextPageToken: z.string().nullable(),
  /** Data Center offset paging: the index of the next issue to ask for. */
  startAt: z.number().int().nonnegative().default(0),
  issuesDone: z.number().int().nonnegative(),
  pagesDone: z.number().int().nonnegative(),
  total: z.number().int().nonnegative().nullable(),
  done: z.boolean(),
});
export type JiraBackfillCheckpoint = z.infer<typeof jiraBackfillCheckpointSchema>;
/** A stored checkpoint, possibly from before Data Center paging (no `startAt`). */
export type JiraBackfillCheckpointInput = z.input<typeof jiraBackfillCheckpointSchema>;

export function initialCheckpoint(jql: string): JiraBackfillCheckpoint {
  return { version: 1, jql, nextPageToken: null, startAt: 0, issuesDone: 0, pagesDone: 0, total: null, done: false };
}

/** A checkpoint that does not belong to the back-fill it was handed to. */
export class JiraCheckpointError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JiraCheckpointError';
  }
}
