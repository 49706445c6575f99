import { PayloadSchemaError } from '@flowlens/contracts';
import { jiraFixture, jiraFixtureNames } from '../testing/jira-fixtures';
import { parseJiraWebhook } from './jira-webhook.parser';

function schemaError(body: unknown): PayloadSchemaError {
  try {
    parseJiraWebhook(body);
  } catch (error) {
    if (error instanceof PayloadSchemaError) return error;
    throw error;
  }
  throw new Error('expected a PayloadSchemaError');
}

describe('parseJiraWebhook', () => {
  it.each([
    ['webhooks/cloud/issue-created', 'issue_created'],
    ['webhooks/cloud/issue-updated-status', 'issue_updated'],
    ['webhooks/cloud/issue-deleted', 'issue_deleted'],
    ['webhooks/cloud/sprint-started', 'sprint'],
    ['webhooks/cloud/project-updated', 'project'],
    ['webhooks/cloud/version-released', 'version'],
    ['webhooks/cloud/issuelink-created', 'issuelink'],
    ['webhooks/data-center/issue-updated-status', 'issue_updated'],
    ['webhooks/data-center/sprint-closed', 'sprint'],
  ])('routes %s as %s', (fixture, kind) => {
    expect(parseJiraWebhook(jiraFixture(fixture)).kind).toBe(kind);
  });

  it.each([
    ['webhooks/cloud/comment-created', 'comment_created: not tracked by flow metrics'],
    ['webhooks/cloud/worklog-created', 'worklog_created: not tracked by flow metrics'],
    ['webhooks/cloud/sprint-deleted', 'sprint_deleted: the canonical contract has no sprint deletion'],
    ['webhooks/cloud/project-deleted', 'project_deleted: the canonical contract has no project deletion'],
    ['webhooks/cloud/version-deleted', 'jira:version_deleted: the canonical contract has no release deletion'],
  ])('ignores %s with a reason', (fixture, reason) => {
    expect(parseJiraWebhook(jiraFixture(fixture))).toEqual({ kind: 'ignored', reason });
  });

  it('ignores unknown events, including names that shadow Object.prototype', () => {
    for (const webhookEvent of ['board_created', 'jira:version_moved', 'constructor', '__proto__', 'toString']) {
      expect(parseJiraWebhook({ webhookEvent, timestamp: 1 })).toEqual({
        kind: 'ignored',
        reason: `${webhookEvent}: unsupported Jira webhook event`,
      });
    }
  });

  it.each(jiraFixtureNames('webhooks/not-ok').filter((name) => name.startsWith('schema-')))(
    'rejects not-ok/%s with a PayloadSchemaError carrying path details',
    (name) => {
      const error = schemaError(jiraFixture(`webhooks/not-ok/${name}`));
      expect(error.details.length).toBeGreaterThan(0);
      for (const detail of error.details) {
        expect(detail.path).toEqual(expect.any(String));
        expect(detail.message).not.toBe('');
      }
    },
  );

  it('names the offending path', () => {
    expect(schemaError(jiraFixture('webhooks/not-ok/schema-issue-id-boolean')).details).toContainEqual(
      expect.objectContaining({ path: 'issue.id' }),
    );
    expect(schemaError(jiraFixture('webhooks/not-ok/schema-labels-string')).details).toContainEqual(
      expect.objectContaining({ path: 'issue.fields.labels' }),
    );
    expect(schemaError(jiraFixture('webhooks/not-ok/schema-missing-webhook-event')).details).toEqual([
      expect.objectContaining({ path: 'webhookEvent' }),
    ]);
    expect(schemaError([1, 2]).details).toEqual([expect.objectContaining({ path: '(root)' })]);
    expect(schemaError(null).message).toMatch(/^Jira webhook: \(root\)/);
  });

  it('is lenient where Jira varies: extra fields, nulls, string priority, numeric ids', () => {
    const parsed = parseJiraWebhook({
      webhookEvent: 'jira:issue_created',
      timestamp: '1705314225456',
      somethingNew: { nested: true },
      issue: {
        id: 20001,
        key: 'DOC-1',
        fields: { summary: null, priority: 'Minor', status: { name: 'Open', statusCategory: null }, labels: null, customfield_1: [1] },
      },
    });
    expect(parsed.kind).toBe('issue_created');
    if (parsed.kind !== 'issue_created') return;
    expect(parsed.body.timestamp).toBe(1705314225456);
    expect(parsed.body.issue.id).toBe('20001');
    expect(parsed.body.issue.fields.priority).toBe('Minor');
    expect(parsed.body.issue.fields['customfield_1']).toEqual([1]);
  });

  it('reads a changelog item without toString as null, not as Object.prototype.toString', () => {
    const parsed = parseJiraWebhook({
      webhookEvent: 'jira:issue_updated',
      issue: { id: '1', key: 'A-1' },
      changelog: { id: 5, items: [{ field: 'summary', fromString: 'old' }] },
    });
    if (parsed.kind !== 'issue_updated') throw new Error('wrong kind');
    expect(parsed.body.changelog?.id).toBe('5');
    expect(parsed.body.changelog?.items?.[0]).toEqual({ field: 'summary', fieldId: null, from: null, fromText: 'old', to: null, toText: null });
  });
});
