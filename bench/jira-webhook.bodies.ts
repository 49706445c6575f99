import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@flowlens/testing';

type Json = Record<string, unknown>;

/** A captured Jira Cloud delivery from the repository's fixtures (the real payload shape). */
function fixture(name: string): Json {
  return JSON.parse(readFileSync(join(repoRoot(), 'test', 'fixtures', 'jira', 'webhooks', 'cloud', `${name}.json`), 'utf8')) as Json;
}

const jiraTime = (ms: number): string => new Date(ms).toISOString().replace('Z', '+0000');

function asIssue(payload: Json, id: string, key: string, at: number): Json {
  const issue = payload['issue'] as Json;
  const fields = issue['fields'] as Json;
  payload['timestamp'] = at;
  issue['id'] = id;
  issue['key'] = key;
  issue['self'] = `https://acme-flow.atlassian.net/rest/api/2/issue/${id}`;
  fields['created'] = jiraTime(at);
  fields['updated'] = jiraTime(at);
  (fields['project'] as Json)['key'] = key.split('-')[0];
  return payload;
}

/**
 * `jira:issue_created` bodies, each for a distinct issue of project LOAD. The payload is
 * serialised once and each request only splices its number in, so the load generator's own cost
 * stays small and the same for every server measured.
 */
export function distinctCreatedBodies(at: number): (n: number) => string {
  const parts = JSON.stringify(asIssue(fixture('issue-created'), '__N__', 'LOAD-__N__', at)).split('__N__');
  return (n) => parts.join(String(100_000 + n));
}

/** Issue `n` of project FRS created at `at`, then its move to Done (category done) a minute later. */
export function createdThenDoneBodies(n: number, at: number): [string, string] {
  const id = String(900_000 + n);
  const created = asIssue(fixture('issue-created'), id, `FRS-${n}`, at);
  const done = asIssue(fixture('issue-updated-status'), id, `FRS-${n}`, at + 60_000);
  (done['issue'] as { fields: Json }).fields['status'] = {
    name: 'Done',
    untranslatedName: 'Done',
    id: '10001',
    statusCategory: { id: 3, key: 'done', colorName: 'green', name: 'Done' },
  };
  done['changelog'] = { id: String(800_000 + n), items: [{ field: 'status', fieldtype: 'jira', fieldId: 'status', from: '10000', fromString: 'To Do', to: '10001', toString: 'Done' }] };
  return [JSON.stringify(created), JSON.stringify(done)];
}
