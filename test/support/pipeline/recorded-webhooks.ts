import type { RecordedIssue, RecordedJiraProject } from '../jira/recorded-project.types';
import type { ThrottleRule } from '../jira/jira-replay-server';

/**
 * The `jira:issue_updated` delivery Jira Cloud sent for an issue's latest change: the changelog
 * of its last history and the issue as it was right after it (its current state).
 */
export function lastChangeWebhook(recorded: RecordedIssue): Record<string, unknown> {
  const history = recorded.histories.at(-1);
  if (!history) throw new Error(`issue ${recorded.issue.key} has no history`);
  return {
    timestamp: Date.parse(history.created.replace(/\+0000$/, 'Z')),
    webhookEvent: 'jira:issue_updated',
    issue_event_type_name: 'issue_generic',
    user: history.author,
    issue: recorded.issue,
    changelog: { id: history.id, items: history.items },
  };
}

/** Issues whose current status is in the done category: what a back-fill must count as done. */
export function doneIssues(project: RecordedJiraProject): RecordedIssue[] {
  return project.issues.filter((r) => {
    const status = (r.issue['fields'] as { status?: { statusCategory?: { key?: string } } }).status;
    return status?.statusCategory?.key === 'done';
  });
}

/**
 * Lets the first `pages` search pages through, then answers every further search page 429 with a
 * long Retry-After while held: the importer is then waiting between pages, with nothing in flight.
 */
export class SearchGate {
  private passed = 0;
  private limit = Infinity;

  hold(afterPages: number): void {
    this.passed = 0;
    this.limit = afterPages;
  }

  release(): void {
    this.limit = Infinity;
  }

  readonly rule: ThrottleRule = (request) => {
    if (request.path !== '/rest/api/3/search/jql') return null;
    if (this.passed >= this.limit) return { status: 429, retryAfter: '120' };
    this.passed += 1;
    return null;
  };
}
