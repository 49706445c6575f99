import { trelloActionSchema, type TrelloAction } from '../schema/trello-action.schema';
import { cardStartState } from './card-start-state';

let n = 0;
const act = (type: string, data: Record<string, unknown>): TrelloAction =>
  trelloActionSchema.parse({ id: `a${++n}`, type, date: `2024-03-0${n}T10:00:00.000Z`, data: { card: { id: 'c1', name: 'Now', shortLink: 'Sh0rtL1n' }, ...data } });
const card = {
  id: 'c1',
  name: 'Now',
  idList: 'done',
  closed: true,
  due: '2024-05-01T10:00:00.000Z',
  idMembers: ['m1', 'm3'],
  labels: [{ id: 'l1', name: 'Blocked' }, { id: 'l2', name: '', color: 'green' }],
};

describe('cardStartState', () => {
  beforeEach(() => {
    n = 0;
  });

  it('is the current state when the history has no actions of the card', () => {
    expect(cardStartState([], card)).toEqual({
      list: { id: 'done' },
      originBoardId: null,
      title: 'Now',
      key: null,
      dueDate: '2024-05-01T10:00:00.000Z',
      archived: true,
      memberIds: ['m1', 'm3'],
      blocked: true,
    });
  });

  it('rewinds list, title, due, archive, members and labels to before the first action', () => {
    const actions = [
      act('updateCard', { old: { name: 'Before' }, list: { id: 'todo', name: 'To Do' } }),
      act('updateCard', { listBefore: { id: 'todo', name: 'To Do' }, listAfter: { id: 'doing', name: 'Doing' }, old: { idList: 'todo' } }),
      act('updateCard', { old: { due: null } }),
      act('addMemberToCard', { idMember: 'm3' }),
      act('removeMemberFromCard', { idMember: 'm2' }),
      act('addLabelToCard', { label: { name: 'Blocked' } }),
      act('updateCard', { old: { closed: false } }),
    ];
    expect(cardStartState(actions, card)).toEqual({
      list: { id: 'todo', name: 'To Do' },
      originBoardId: null,
      title: 'Before',
      key: 'Sh0rtL1n',
      dueDate: null,
      archived: false,
      memberIds: ['m1', 'm2'],
      blocked: false,
    });
  });

  it('a card that arrived from another board starts there, in the list it arrived in', () => {
    const arrived = act('moveCardToBoard', { boardSource: { id: 'other' }, list: { id: 'todo', name: 'To Do' } });
    expect(cardStartState([arrived], undefined)).toMatchObject({ list: { id: 'todo', name: 'To Do' }, originBoardId: 'other', title: 'Now', key: 'Sh0rtL1n' });
  });

  it('a deleted card (no current state) starts in the list its deletion names', () => {
    const deleted = act('deleteCard', { card: { id: 'c1' }, list: { id: 'review', name: 'Review' } });
    expect(cardStartState([deleted], undefined)).toMatchObject({ list: { id: 'review', name: 'Review' }, archived: false, memberIds: [] });
  });

  it('knows no list for a card seen only in actions without one', () => {
    expect(cardStartState([act('addMemberToCard', { idMember: 'm1' })], undefined).list).toBeNull();
  });
});
