import { NormalisationError, type CanonicalEvent, type NormalisationContext } from '@flowlens/contracts';
import { changelogLinkEvents, issueLinksFieldEvents } from '../normalise/issue-link.normaliser';
import { firstInstant } from '../normalise/jira-time.util';
import { boardIdOf } from '../normalise/issue-state';
import { backfilledVersionEvent } from '../normalise/version.normaliser';
import { assertCanonical } from '../normalise/jira-event.factory';
import type { JiraIssueFailure } from './jira-export.importer';
import type { JiraBackfillCheckpoint } from './jira-backfill.checkpoint';
import type { JiraBackfillClient, JiraBackfillProgress } from './jira-backfill.client';
import { jiraIssueHistoryToEvents } from './issue-history.normaliser';

export interface JiraBackfillEventsPage {
  readonly events: CanonicalEvent[];
  /** Issues that could not be normalised; the rest of the page still counts. */
  readonly failures: JiraIssueFailure[];
  readonly checkpoint: JiraBackfillCheckpoint;
  readonly progress: JiraBackfillProgress;
}

/**
 * The back-fill as pages of canonical events, each with the checkpoint to resume after it: the
 * issues' histories and links, then a ReleaseUpserted for each version of their projects.
 */
export async function* jiraBackfillEvents(
  client: JiraBackfillClient,
  ctx: NormalisationContext,
  from?: JiraBackfillCheckpoint,
): AsyncGenerator<JiraBackfillEventsPage> {
  for await (const page of client.pages(from)) {
    const events: CanonicalEvent[] = [];
    const failures: JiraIssueFailure[] = [];
    for (const { issue, histories } of page.issues) {
      try {
        const catalogue = await client.statusCatalogue(boardIdOf(issue));
        events.push(...jiraIssueHistoryToEvents(issue, histories, catalogue, ctx));
        events.push(...issueLinksFieldEvents(issue, ctx, ctx.receivedAt));
        for (const history of histories) events.push(...changelogLinkEvents(issue, history, firstInstant(ctx.receivedAt, history.created), ctx));
      } catch (error) {
        if (!(error instanceof NormalisationError)) throw error;
        failures.push({ issueId: issue.id, issueKey: issue.key, reason: error.message });
      }
    }
    for (const { projectKey, version } of page.versions) {
      try {
        events.push(...assertCanonical([backfilledVersionEvent(projectKey, version, ctx)]));
      } catch (error) {
        if (!(error instanceof NormalisationError)) throw error;
        failures.push({ issueId: version.id ?? '', issueKey: `${projectKey} version ${version.name ?? version.id ?? '?'}`, reason: error.message });
      }
    }
    yield { events, failures, checkpoint: page.checkpoint, progress: page.progress };
  }
}
