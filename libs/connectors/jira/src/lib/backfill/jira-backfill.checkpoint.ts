import { z } from 'zod';

/**
 * Where a back-fill stands, after a whole page of issues (and all their changelogs) or of one
 * project's versions was handed out. Opaque to callers: store it as JSON, pass it back to resume.
 * Jira Cloud's page tokens expire after 7 days, so a Cloud checkpoint older than that cannot resume
 * its issues; Data Center pages by offset. The versions of the issues' projects are read once the
 * issues are `done`. Fields added later have defaults, so older stored checkpoints still parse.
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
  /** The issues are done (the versions may not be). */
  done: z.boolean(),
  /** The projects (keys) of the issues handed out, in the order first seen: whose versions to read. */
  projects: z.array(z.string().min(1)).default([]),
  /** How many of `projects` have had all their versions handed out. */
  versionProjectsDone: z.number().int().nonnegative().default(0),
  /** Cloud offset paging within the next project's versions. */
  versionsStartAt: z.number().int().nonnegative().default(0),
  versionsDone: z.number().int().nonnegative().default(0),
});
export type JiraBackfillCheckpoint = z.infer<typeof jiraBackfillCheckpointSchema>;
/** A stored checkpoint, possibly from before Data Center paging (no `startAt`). */
export type JiraBackfillCheckpointInput = z.input<typeof jiraBackfillCheckpointSchema>;

export function initialCheckpoint(jql: string): JiraBackfillCheckpoint {
  return {
    version: 1,
    jql,
    nextPageToken: null,
    startAt: 0,
    issuesDone: 0,
    pagesDone: 0,
    total: null,
    done: false,
    projects: [],
    versionProjectsDone: 0,
    versionsStartAt: 0,
    versionsDone: 0,
  };
}

/** Nothing is left to fetch: every issue and every version of their projects was handed out. */
export function isBackfillComplete(checkpoint: JiraBackfillCheckpoint): boolean {
  return checkpoint.done && checkpoint.versionProjectsDone >= checkpoint.projects.length;
}

/** A checkpoint that does not belong to the back-fill it was handed to. */
export class JiraCheckpointError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JiraCheckpointError';
  }
}
