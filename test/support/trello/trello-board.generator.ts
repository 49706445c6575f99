import { objectId, SeededRandom } from '../seeded-random';
import type { RecordedAction, RecordedCard, RecordedList, RecordedMember, RecordedTrelloBoard } from './recorded-board.types';

const DAY = 86_400_000;
const LIST_NAMES = ['Backlog', 'To Do', 'In Progress', 'Review', 'Done'];
const LABELS = [
  { name: 'Blocked', color: 'red' },
  { name: 'Frontend', color: 'green' },
  { name: 'Backend', color: 'blue' },
  { name: 'Bug', color: 'orange' },
];
const WORDS = ['checkout', 'wallet', 'invoice', 'search', 'onboarding', 'export', 'SSO', 'retry', 'audit log', 'café menu', 'Zürich rollout', 'webhooks'];
const VERBS = ['Fix', 'Add', 'Refactor', 'Spike:', 'Improve', 'Document'];

interface Pending {
  at: number;
  order: number;
  type: string;
  by: RecordedMember;
  data: Record<string, unknown>;
  member?: RecordedMember;
}

export interface TrelloBoardGeneratorOptions {
  readonly seed?: number;
  readonly cards?: number;
  /** The generated history ends here (default 2024-04-01). */
  readonly until?: string;
}

/**
 * A deterministic recorded Trello board: ~9 months of card life cycles (creations, list moves,
 * members, labels incl. `blocked`, due dates, renames, comments, archiving, deletions, cards moved
 * in and out, copies), of which the API history keeps the last 6 months, so about a third of the
 * cards were created before the history starts.
 */
export function generateTrelloBoard(options: TrelloBoardGeneratorOptions = {}): RecordedTrelloBoard {
  const rnd = new SeededRandom(options.seed ?? 20240401);
  const until = Date.parse(options.until ?? '2024-04-01T00:00:00.000Z');
  const begin = until - 270 * DAY;
  const historyStart = until - 180 * DAY;
  const board = { id: objectId(begin - 30 * DAY, rnd.hex(16)), name: 'Checkout Squad', shortLink: rnd.shortLink() };
  const other = { id: objectId(begin - 60 * DAY, rnd.hex(16)), name: 'Payments Discovery' };
  const boardRef = { id: board.id, name: board.name, shortLink: board.shortLink };
  const lists: RecordedList[] = [...LIST_NAMES, 'Icebox (old)'].map((name, i) => ({
    id: objectId(begin - 30 * DAY + 5000, rnd.hex(16)),
    name,
    closed: i === 5,
    pos: (i + 1) * 16384,
    idBoard: board.id,
    subscribed: false,
    softLimit: null,
  }));
  const labels = LABELS.map((l) => ({ id: objectId(begin - 30 * DAY + 1000, rnd.hex(16)), idBoard: board.id, ...l }));
  const members: RecordedMember[] = ['Ana Ruiz', 'Tomás Müller', 'Priya Nair', 'Jonas Berg', 'Chloé Martin', 'Kenji Sato'].map((fullName) => ({
    id: objectId(begin - 400 * DAY, rnd.hex(16)),
    fullName,
    username: fullName.toLowerCase().normalize('NFD').replace(/[^a-z]/g, ''),
    initials: fullName.split(' ').map((p) => p[0]).join(''),
    avatarHash: rnd.hex(32),
  }));
  const pending: Pending[] = [];
  const cards: RecordedCard[] = [];
  const stats = { cardsCreatedBeforeHistory: 0, cardsDeleted: 0, cardsMovedIn: 0, cardsMovedOut: 0 };
  let order = 0;
  const emit = (at: number, type: string, by: RecordedMember, data: Record<string, unknown>, member?: RecordedMember) => {
    if (at < until) pending.push({ at, order: order++, type, by, data: { ...data, board: boardRef }, ...(member ? { member } : {}) });
  };
  const listRef = (i: number) => ({ id: lists[i]?.id, name: lists[i]?.name });

  for (let n = 0; n < (options.cards ?? 360); n++) {
    let t = begin + Math.floor(rnd.next() * 250 * DAY) + rnd.int(0, 999);
    const card: RecordedCard = {
      id: objectId(t, (n + 1).toString(16) + rnd.hex(10)),
      name: `${rnd.pick(VERBS)} ${rnd.pick(WORDS)} #${n + 1}`,
      idList: '',
      idBoard: board.id,
      idShort: n + 1,
      shortLink: rnd.shortLink(),
      shortUrl: '',
      closed: false,
      due: null,
      dueComplete: false,
      idMembers: [],
      idLabels: [],
      labels: [],
      pos: 16384 * (n + 1),
      desc: '',
      dateLastActivity: new Date(t).toISOString(),
    };
    card.shortUrl = `https://trello.com/c/${card.shortLink}`;
    const ref = () => ({ id: card.id, name: card.name, idShort: card.idShort, shortLink: card.shortLink });
    let list = rnd.chance(0.6) ? 0 : 1;
    const who = () => rnd.pick(members);
    if (t < historyStart) stats.cardsCreatedBeforeHistory++;
    const origin = rnd.next();
    if (origin < 0.05) {
      stats.cardsMovedIn++;
      t += rnd.int(1, 5) * DAY + rnd.int(0, 86_399_999);
      list = 1;
      emit(t, 'moveCardToBoard', who(), { boardSource: { id: other.id, name: other.name }, list: listRef(list), card: ref() });
    } else if (origin < 0.1 && cards.length > 0) {
      const source = rnd.pick(cards);
      emit(t, 'copyCard', who(), { cardSource: { id: source.id, name: source.name, idShort: source.idShort, shortLink: source.shortLink }, list: listRef(list), card: ref() });
    } else {
      emit(t, 'createCard', who(), { list: listRef(list), card: ref() });
    }
    const step = (minHours: number, maxHours: number) => (t += rnd.int(minHours * 3_600_000, maxHours * 3_600_000));
    const label = (i: number, add: boolean) => {
      const l = labels[i];
      if (!l) return;
      card.labels = add ? [...card.labels, l] : card.labels.filter((x) => x.id !== l.id);
      emit(step(0, 4), add ? 'addLabelToCard' : 'removeLabelFromCard', who(), { text: l.name, value: l.color, card: ref(), label: { id: l.id, name: l.name, color: l.color } });
    };
    const assign = (m: RecordedMember, add: boolean) => {
      card.idMembers = add ? [...card.idMembers, m.id] : card.idMembers.filter((id) => id !== m.id);
      const data = { idMember: m.id, member: { id: m.id, name: m.fullName }, card: ref(), ...(add ? {} : { deactivated: false }) };
      emit(step(0, 6), add ? 'addMemberToCard' : 'removeMemberFromCard', who(), data, m);
    };
    if (rnd.chance(0.5)) label(rnd.int(1, 3), true);
    if (rnd.chance(0.7)) assign(rnd.pick(members), true);
    if (rnd.chance(0.3)) {
      const due = new Date(t + rnd.int(5, 40) * DAY).toISOString().slice(0, 10) + 'T16:00:00.000Z';
      emit(step(0, 3), 'updateCard', who(), { card: { ...ref(), due }, old: { due: card.due }, list: listRef(list) });
      card.due = due;
    }
    if (rnd.chance(0.15)) {
      const old = card.name;
      card.name = `${card.name} (v2)`;
      emit(step(1, 30), 'updateCard', who(), { card: ref(), old: { name: old }, list: listRef(list) });
    }
    while (list < 4 && rnd.chance(0.78)) {
      step(4, 24 * 9);
      emit(t, 'updateCard', who(), { card: { ...ref(), idList: lists[list + 1]?.id }, old: { idList: lists[list]?.id }, listBefore: listRef(list), listAfter: listRef(list + 1) });
      list++;
      if (list === 2 && rnd.chance(0.2)) {
        label(0, true);
        label(0, false);
        step(24, 96);
      }
      if (rnd.chance(0.3)) emit(step(1, 20), 'commentCard', who(), { idCard: card.id, text: 'Können wir das diese Woche abschließen? 👍', textData: { emoji: {} }, card: ref(), list: listRef(list) });
      if (rnd.chance(0.2)) emit(step(0, 2), 'updateCard', who(), { card: { ...ref(), pos: card.pos / 2 }, old: { pos: card.pos }, list: listRef(list) });
      if (rnd.chance(0.12) && card.idMembers.length > 0) assign(rnd.pick(members.filter((m) => card.idMembers.includes(m.id))), false);
      else if (rnd.chance(0.15)) assign(rnd.pick(members.filter((m) => !card.idMembers.includes(m.id))), true);
    }
    card.idList = lists[list]?.id ?? '';
    const end = rnd.next();
    if (end < 0.03) {
      stats.cardsDeleted++;
      emit(step(24, 240), 'deleteCard', who(), { card: { id: card.id, idShort: card.idShort }, list: listRef(list) });
      continue;
    }
    if (end < 0.05) {
      stats.cardsMovedOut++;
      emit(step(24, 240), 'moveCardFromBoard', who(), { boardTarget: { id: other.id }, list: listRef(list), card: ref() });
      continue;
    }
    if ((list === 4 && rnd.chance(0.25)) || rnd.chance(0.04)) {
      card.closed = true;
      emit(step(24, 480), 'updateCard', who(), { card: { ...ref(), closed: true }, old: { closed: false }, list: listRef(list) });
    }
    card.idLabels = card.labels.map((l) => l.id);
    card.dateLastActivity = new Date(Math.min(t, until - 1)).toISOString();
    cards.push(card);
  }

  pending.sort((a, b) => a.at - b.at || a.order - b.order);
  const memberObject = (m: RecordedMember) => ({
    id: m.id,
    activityBlocked: false,
    avatarHash: m.avatarHash,
    avatarUrl: `https://trello-members.s3.amazonaws.com/${m.id}/${m.avatarHash}`,
    fullName: m.fullName,
    idMemberReferrer: null,
    initials: m.initials,
    nonPublic: {},
    nonPublicAvailable: true,
    username: m.username,
  });
  const actions: RecordedAction[] = pending
    .map((p, i) => ({
      id: objectId(p.at, (0x100000 + i).toString(16) + rnd.hex(8)),
      idMemberCreator: p.by.id,
      type: p.type,
      date: new Date(p.at).toISOString(),
      data: p.data,
      appCreator: null,
      limits: null,
      ...(p.member ? { member: memberObject(p.member) } : {}),
      memberCreator: memberObject(p.by),
    }))
    .filter((a) => Date.parse(a.date) >= historyStart)
    .reverse();
  return { board, lists, cards, members, actions, historyStart: new Date(historyStart).toISOString(), stats };
}
