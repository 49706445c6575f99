import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@flowlens/testing';

// From the repository root, so the benches (run from dist/) read the same fixtures.
const FIXTURES = join(repoRoot(), 'test', 'fixtures', 'jira', 'webhooks', 'cloud');
type Json = Record<string, unknown>;

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
export const jiraFixture = (name: string): Json => JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as Json;

const STATUSES = {
  'To Do': { id: '10000', category: { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' } },
  'In Progress': { id: '3', category: { id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' } },
  Done: { id: '10001', category: { id: 3, key: 'done', colorName: 'green', name: 'Done' } },
} as const;
export type JiraStatusName = keyof typeof STATUSES;

function jiraTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

function statusField(name: JiraStatusName) {
  const s = STATUSES[name];
  return {
    self: `https://acme-flow.atlassian.net/rest/api/2/status/${s.id}`,
    description: '',
    iconUrl: 'https://acme-flow.atlassian.net/',
    name,
    untranslatedName: name,
    id: s.id,
    statusCategory: { self: `https://acme-flow.atlassian.net/rest/api/2/statuscategory/${s.category.id}`, ...s.category },
  };
}

/** A `jira:issue_created` delivery shaped as Jira Cloud sends it, for issue `n` of project KAN. */
export function issueCreated(n: number, at: number, options: { project?: string; type?: string; summary?: string } = {}): Json {
  const payload = clone(jiraFixture('issue-created'));
  const project = options.project ?? 'KAN';
  const issue = payload['issue'] as Json;
  const fields = issue['fields'] as Json;
  payload['timestamp'] = at;
  issue['id'] = String(20000 + n);
  issue['key'] = `${project}-${n}`;
  issue['self'] = `https://acme-flow.atlassian.net/rest/api/2/issue/${20000 + n}`;
  fields['created'] = jiraTime(at);
  fields['updated'] = jiraTime(at);
  fields['status'] = statusField('To Do');
  fields['summary'] = options.summary ?? `Work item ${n}`;
  (fields['project'] as Json)['key'] = project;
  if (options.type) (fields['issuetype'] as Json)['name'] = options.type;
  return payload;
}

/** A `jira:issue_updated` whose changelog moves the issue from one status to another. */
export function issueTransitioned(n: number, at: number, from: JiraStatusName, to: JiraStatusName, changelogId: number, options: { project?: string; type?: string } = {}): Json {
  const payload = issueUpdated('issue-updated-status', n, at, to, options);
  payload['changelog'] = {
    id: String(changelogId),
    items: [{ field: 'status', fieldtype: 'jira', fieldId: 'status', from: STATUSES[from].id, fromString: from, to: STATUSES[to].id, toString: to }],
  };
  return payload;
}

/** A `jira:issue_updated` without a changelog (a comment), the issue in `status` as Jira shows it. */
export function issueCommented(n: number, at: number, status: JiraStatusName, options: { project?: string; type?: string } = {}): Json {
  return issueUpdated('issue-updated-comment', n, at, status, options);
}

/** A recorded `jira:issue_updated` fixture carrying issue `n` as Jira shows it at `at`, in `status`. */
function issueUpdated(fixture: string, n: number, at: number, status: JiraStatusName, options: { project?: string; type?: string }): Json {
  const created = issueCreated(n, at - 1000, options);
  const payload = clone(jiraFixture(fixture));
  const issue = created['issue'] as Json;
  const fields = issue['fields'] as Json;
  fields['status'] = statusField(status);
  fields['updated'] = jiraTime(at);
  payload['issue'] = issue;
  payload['timestamp'] = at;
  return payload;
}

/** `X-Hub-Signature: sha256=<hex>` for a raw body. */
export function signJira(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}
