import { PayloadSchemaError } from '@flowlens/contracts';
import { JiraApiError, JiraCheckpointError } from '@flowlens/connector-jira';
import { TrelloApiError } from '@flowlens/connector-trello';
import { EventLogUnavailableError } from '@flowlens/event-log';
import { describeImportError } from './import.errors';

describe('describeImportError', () => {
  it.each([
    [new JiraApiError('GET https://x/rest/api/3/search/jql answered 401: {}', 401, 'https://x'), 'Jira refused the credentials (HTTP 401): check the e-mail and API token, or the bearer token'],
    [new JiraApiError('GET https://x answered 404: {"errorMessages":["gone"]}', 404, 'https://x'), 'Jira request failed: GET https://x answered 404: {"errorMessages":["gone"]}'],
    [new TrelloApiError(401, 'GET /1/boards/x/actions failed: HTTP 401 invalid token'), 'Trello refused the key or token (HTTP 401)'],
    [new PayloadSchemaError('not a Jira issues export', [{ path: 'issues.0.id', message: 'expected string' }]), 'not a Jira issues export (issues.0.id: expected string)'],
    [new JiraCheckpointError('checkpoint belongs to JQL "a", not "b"'), 'the stored checkpoint cannot be resumed: checkpoint belongs to JQL "a", not "b"'],
    [new EventLogUnavailableError('kafka unreachable'), 'the event log is unavailable: kafka unreachable'],
    [new Error('line one\n   line two'), 'line one line two'],
  ])('%s', (error, expected) => {
    expect(describeImportError(error)).toBe(expected);
  });

  it('keeps a line short', () => {
    expect(describeImportError(new Error('x'.repeat(2000)))).toHaveLength(500);
  });
});
