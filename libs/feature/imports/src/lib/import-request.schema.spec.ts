import { importRequestSchema } from './import-request.schema';

const connectorId = '3dcff33b-3a1b-475f-8902-d442cde97959';
const paths = (value: unknown) => {
  const result = importRequestSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.')).sort();
};

describe('import request schema', () => {
  it('accepts each kind with its own parameters', () => {
    expect(paths({ kind: 'jira-rest', connectorId, baseUrl: 'https://acme.atlassian.net', jql: 'project = KAN', auth: { kind: 'basic', email: 'a@acme.io', apiToken: 't' } })).toEqual([]);
    expect(paths({ kind: 'jira-rest', connectorId, baseUrl: 'http://jira.internal/jira', jql: 'x', auth: { kind: 'bearer', token: 'pat' }, pageSize: 50 })).toEqual([]);
    expect(paths({ kind: 'trello-rest', connectorId, boardId: '651a7880c4d5e6f708192a3b', key: 'k', token: 't' })).toEqual([]);
    expect(paths({ kind: 'trello-rest', connectorId, boardId: 'Kp3xQ9vB', key: 'k', token: 't', baseUrl: 'https://proxy.example.com/trello' })).toEqual([]);
    expect(paths({ kind: 'jira-file', connectorId, file: { issues: [] } })).toEqual([]);
    expect(paths({ kind: 'trello-file', connectorId, file: {}, fileName: 'board.json' })).toEqual([]);
  });

  it('names every offending field', () => {
    expect(paths({ kind: 'jira-rest', connectorId: 'nope', baseUrl: 'ftp://x', jql: '  ', auth: { kind: 'basic', email: 'x' } })).toEqual(['auth.apiToken', 'auth.email', 'baseUrl', 'connectorId', 'jql']);
    expect(paths({ kind: 'trello-rest', connectorId, boardId: 'not a board', key: '', token: 't', extra: 1 })).toEqual(['', 'boardId', 'key']);
    expect(paths({ kind: 'jira-file', connectorId, file: 'a string' })).toEqual(['file']);
    expect(paths({ kind: 'jira-rest', connectorId, baseUrl: 'https://a.b', jql: 'x', auth: { kind: 'basic', email: 'a@b.io', apiToken: 't' }, pageSize: 500 })).toEqual(['pageSize']);
    expect(paths({ kind: 'csv', connectorId })).toEqual(['kind']);
  });
});
