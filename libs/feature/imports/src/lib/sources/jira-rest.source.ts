import type { NormalisationContext } from '@flowlens/contracts';
import { JiraBackfillClient, jiraBackfillEvents, type JiraBackfillCheckpoint } from '@flowlens/connector-jira';
import type { ImportPage, ImportSource } from './import-source';

/** A Jira Cloud REST back-fill: search pages with every issue's full changelog. */
export class JiraRestSource implements ImportSource {
  readonly unit = 'issues' as const;

  constructor(
    private readonly client: JiraBackfillClient,
    private readonly ctx: NormalisationContext,
  ) {}

  async *pages(checkpoint: unknown): AsyncGenerator<ImportPage> {
    // The client validates the stored checkpoint (and refuses one of another JQL).
    const from = checkpoint === null || checkpoint === undefined ? undefined : (checkpoint as JiraBackfillCheckpoint);
    for await (const page of jiraBackfillEvents(this.client, this.ctx, from)) {
      yield {
        events: page.events,
        failures: page.failures.map((f) => ({ id: f.issueKey, reason: f.reason })),
        checkpoint: page.checkpoint,
        progress: { done: page.progress.issuesDone, total: page.progress.total },
      };
    }
  }
}
