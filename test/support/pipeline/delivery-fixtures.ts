import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The recorded payloads under test/fixtures, as the tools send them. */
const FIXTURES = join(__dirname, '..', '..', 'fixtures');
type Json = Record<string, unknown>;

const read = (...path: string[]): Json => JSON.parse(readFileSync(join(FIXTURES, ...path), 'utf8')) as Json;

export const jiraCloud = (name: string): Json => read('jira', 'webhooks', 'cloud', `${name}.json`);
export const jiraDataCenter = (name: string): Json => read('jira', 'webhooks', 'data-center', `${name}.json`);
export const trelloWebhook = (name: string): Json => read('trello', 'webhooks', `${name}.json`);
export const trelloExport = (name: string): Json => read('trello', 'exports', `${name}.json`);
export const jiraExport = (): Json => read('jira', 'export', 'issues-export.json');
export const genericFixture = (name: string): Json => read('generic', 'ok', `${name}.json`);

/** The board and list ids of the recorded Trello board "Platform Delivery". */
export const TRELLO_BOARD = '651a7880c4d5e6f708192a3b';
const LISTS: Readonly<Record<string, string>> = {
  Backlog: '651a7885c4d5e6f708192a40',
  'To Do': '651a7885c4d5e6f708192a41',
  'In Progress': '651a7885c4d5e6f708192a42',
  Done: '651a7885c4d5e6f708192a44',
};

/** An `updateCard` list move of card aB3dE5fG, shaped as the recorded move (a new action id and date). */
export function trelloCardMoved(from: string, to: string, date: string, actionId: string): Json {
  const payload = trelloWebhook('update-card-moved-list');
  const action = payload['action'] as Json;
  const data = action['data'] as Json;
  const card = data['card'] as Json;
  action['id'] = actionId;
  action['date'] = date;
  card['idList'] = LISTS[to];
  data['old'] = { idList: LISTS[from] };
  data['listBefore'] = { id: LISTS[from], name: from };
  data['listAfter'] = { id: LISTS[to], name: to };
  return payload;
}

/** The recorded status change of KAN-42, moved on to Done at `at` by changelog `changelogId`. */
export function kan42ToDone(at: number, changelogId: string): Json {
  const payload = jiraCloud('issue-updated-status');
  payload['timestamp'] = at;
  const fields = (payload['issue'] as Json)['fields'] as Json;
  fields['status'] = { ...(fields['status'] as Json), id: '10001', name: 'Done', untranslatedName: 'Done', statusCategory: { id: 3, key: 'done', colorName: 'green', name: 'Done' } };
  fields['updated'] = new Date(at).toISOString().replace('Z', '+0000');
  payload['changelog'] = {
    id: changelogId,
    items: [{ field: 'status', fieldtype: 'jira', fieldId: 'status', from: '10000', fromString: 'To Do', to: '10001', toString: 'Done' }],
  };
  return payload;
}

/** Jira sends a board drag as one changelog: the transition and the Rank change together. */
export function withRankChange(payload: Json): Json {
  const changelog = payload['changelog'] as { items: Json[] };
  changelog.items.push({ field: 'Rank', fieldtype: 'custom', fieldId: 'customfield_10019', from: '', fromString: '', to: '', toString: 'Ranked higher' });
  return payload;
}
