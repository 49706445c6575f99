import { generateTrelloBoard } from './trello-board.generator';
import { startTrelloReplayServer, type TrelloReplayServer } from './trello-replay.server';

const recorded = generateTrelloBoard({ cards: 40 });
const auth = 'key=replay-key&token=replay-token';

describe('Trello replay server', () => {
  let server: TrelloReplayServer;
  beforeAll(async () => {
    server = await startTrelloReplayServer({ boards: [recorded] });
  });
  afterAll(() => server.stop());
  const get = async (path: string) => {
    const response = await fetch(`${server.url}${path}`);
    return { status: response.status, body: await response.text() };
  };

  it('pages actions newest first by id or date cursor, filtered by type', async () => {
    const page = JSON.parse((await get(`/1/boards/${recorded.board.id}/actions?${auth}&filter=createCard,updateCard&limit=5`)).body) as Array<{ id: string; type: string; date: string }>;
    const expected = recorded.actions.filter((a) => a.type === 'createCard' || a.type === 'updateCard');
    expect(page.map((a) => a.id)).toEqual(expected.slice(0, 5).map((a) => a.id));
    const byId = JSON.parse((await get(`/1/boards/${recorded.board.id}/actions?${auth}&limit=3&before=${recorded.actions[2]?.id}`)).body) as Array<{ id: string }>;
    expect(byId.map((a) => a.id)).toEqual(recorded.actions.slice(3, 6).map((a) => a.id));
    const byDate = JSON.parse((await get(`/1/boards/${recorded.board.id}/actions?${auth}&limit=3&before=${recorded.actions[2]?.date}`)).body) as Array<{ id: string }>;
    expect(byDate.map((a) => a.id)).toEqual(recorded.actions.slice(3, 6).map((a) => a.id));
  });

  it('defaults to 50 actions and refuses more than 1000', async () => {
    expect(JSON.parse((await get(`/1/boards/${recorded.board.id}/actions?${auth}`)).body)).toHaveLength(50);
    expect(await get(`/1/boards/${recorded.board.id}/actions?${auth}&limit=1001`)).toEqual({ status: 400, body: 'invalid value for limit' });
  });

  it('serves open lists by default and all with filter=all; all cards on /cards/all', async () => {
    expect(JSON.parse((await get(`/1/boards/${recorded.board.id}/lists?${auth}`)).body)).toHaveLength(recorded.lists.filter((l) => !l.closed).length);
    expect(JSON.parse((await get(`/1/boards/${recorded.board.id}/lists?${auth}&filter=all`)).body)).toHaveLength(recorded.lists.length);
    expect(JSON.parse((await get(`/1/boards/${recorded.board.id}/cards/all?${auth}`)).body)).toHaveLength(recorded.cards.length);
  });

  it('answers like Trello to bad credentials, ids and boards', async () => {
    expect(await get(`/1/boards/${recorded.board.id}/lists?key=replay-key&token=nope`)).toEqual({ status: 401, body: 'invalid token' });
    expect((await get(`/1/boards/not-an-id/lists?${auth}`)).status).toBe(400);
    expect((await get(`/1/boards/${'0'.repeat(24)}/lists?${auth}`)).status).toBe(404);
  });
});
