import { type CanonicalEvent, deterministicEventId, type StatusRef, type WorkItemFields } from '@flowlens/contracts';
import { mulberry32 } from '@flowlens/metrics';

const DAY = 86_400_000;
const HOUR = 3_600_000;

export interface PortfolioOptions {
  readonly workspaceId: string;
  readonly items: number;
  readonly boards: number;
  readonly days: number;
  readonly now: number;
  readonly seed: number;
}

export interface BoardPlan {
  readonly boardId: string;
  readonly source: 'jira' | 'trello';
  readonly flow: StatusRef[];
  readonly blocked: StatusRef | null;
}

const TYPES: Array<[string, number]> = [['Story', 0.55], ['Bug', 0.25], ['Task', 0.1], ['Tech Debt', 0.05], ['Security', 0.05]];
const jira = (id: string, name: string, category: StatusRef['category']): StatusRef => ({ id, name, category });
const trello = (id: string, name: string): StatusRef => ({ id, name, category: null });

export function boardPlans(count: number): BoardPlan[] {
  return Array.from({ length: count }, (_, b) => {
    if (b % 4 === 3) {
      const hex = (n: number) => `65f1${String(b).padStart(4, '0')}${String(n).padStart(16, '0')}`;
      return { boardId: hex(0), source: 'trello', flow: [trello(hex(1), 'Backlog'), trello(hex(2), 'Doing'), trello(hex(3), 'Review'), trello(hex(4), 'Done')], blocked: null };
    }
    const flow = [jira('10000', 'To Do', 'todo'), jira('3', 'In Progress', 'in_progress'), jira('10101', 'In Review', 'in_progress')];
    if (b % 3 === 0) flow.push(jira('10102', 'QA', 'in_progress'));
    flow.push(jira('10001', 'Done', 'done'));
    return { boardId: `PRJ${b}`, source: 'jira', flow, blocked: b % 5 === 0 ? jira('10103', 'Blocked', 'in_progress') : null };
  });
}

/**
 * A realistic portfolio: items arriving on weekdays over `days`, most started within days and done
 * within a couple of weeks (long tail), some never started, reopened, blocked or re-typed, with
 * ~20 events each (status changes plus field updates and block/unblock). Deterministic per seed.
 */
export function* portfolioEvents(options: PortfolioOptions, chunkItems = 5000): Generator<CanonicalEvent[]> {
  const random = mulberry32(options.seed);
  const boards = boardPlans(options.boards);
  const counters = new Map<string, number>();
  const lognormal = (median: number, sigma: number) => median * Math.exp(sigma * gaussian(random));
  let chunk: CanonicalEvent[] = [...releaseEvents(options, boards), ...epicEvents(options, boards)];
  for (let n = 0; n < options.items; n++) {
    const board = boards[Math.floor(random() * boards.length)] as BoardPlan;
    const number = (counters.get(board.boardId) ?? 0) + 1;
    counters.set(board.boardId, number);
    let created = options.now - random() * options.days * DAY;
    const weekday = new Date(created).getUTCDay();
    if (weekday === 0 || weekday === 6) created -= 2 * DAY;
    chunk.push(...itemEvents(options, board, number, created, random, lognormal));
    if (number % 50 === 0) chunk.push(linkEvent(options, board, number, created));
    if ((n + 1) % chunkItems === 0) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length) yield chunk;
}

function itemEvents(options: PortfolioOptions, board: BoardPlan, number: number, created: number, random: () => number, lognormal: (m: number, s: number) => number): CanonicalEvent[] {
  const itemId = board.source === 'jira' ? `${board.boardId}-id-${number}` : `${board.boardId.slice(0, 12)}${String(number).padStart(12, '0')}`;
  const itemKey = board.source === 'jira' ? `${board.boardId}-${number}` : `c${board.boardId.slice(4, 8)}${number}`;
  const events: CanonicalEvent[] = [];
  let seq = 0;
  const push = (type: CanonicalEvent['type'], at: number, payload: unknown) => {
    if (at > options.now) return;
    const occurredAt = new Date(Math.floor(at)).toISOString();
    events.push({
      eventId: deterministicEventId(options.workspaceId, itemId, seq),
      workspaceId: options.workspaceId,
      connectorId: 'bench',
      source: board.source,
      sourceEventId: `${itemId}:${seq++}`,
      type,
      occurredAt,
      receivedAt: new Date(Math.min(options.now, Math.floor(at) + 1000 + random() * 60_000)).toISOString(),
      sequence: 0,
      schemaVersion: 1,
      boardId: board.boardId,
      itemId,
      itemKey,
      payload,
    } as CanonicalEvent);
  };
  const type = pick(TYPES, random());
  const fields: WorkItemFields = {
    title: `Work item ${itemKey}`,
    type,
    priority: ['Low', 'Medium', 'High'][Math.floor(random() * 3)] as string,
    assignee: { id: `user-${Math.floor(random() * 400)}`, name: null },
    labels: [],
    components: [],
    fixVersions: releaseOf(options, board, created),
    estimate: [1, 2, 3, 5, 8][Math.floor(random() * 5)] as number,
    dueDate: number % 10 === 0 ? new Date(created + 21 * DAY).toISOString().slice(0, 10) : null,
    parentId: number % 2 === 0 ? epicOf(options, board, created) : null,
    sprintIds: [],
    team: `team-${Math.floor(random() * 40)}`,
    archived: false,
  };
  const flow = board.flow;
  const done = flow[flow.length - 1] as StatusRef;
  push('WorkItemCreated', created, { fields, status: flow[0] });
  let at = created;
  let current = flow[0] as StatusRef;
  const move = (to: StatusRef, when: number) => {
    push('WorkItemStatusChanged', when, { from: current, to });
    current = to;
  };
  // A few field edits spread over the item's life make up most of its ~20 events.
  const edits = 12 + Math.floor(random() * 8);
  for (let e = 0; e < edits; e++) {
    const when = created + random() * 30 * DAY;
    const field = e % 3;
    push('WorkItemUpdated', when, { changes: field === 0 ? { priority: ['Low', 'Medium', 'High'][e % 3] } : field === 1 ? { assignee: { id: `user-${Math.floor(random() * 400)}`, name: null } } : { estimate: [1, 2, 3, 5, 8][e % 5] } });
  }
  if (random() < 0.08) return events; // never started
  at += lognormal(3 * DAY, 0.9);
  for (let s = 1; s < flow.length - 1; s++) {
    move(flow[s] as StatusRef, at);
    if (board.blocked && random() < 0.15) {
      const stuck = board.blocked;
      const back = current;
      move(stuck, at + lognormal(DAY, 0.5));
      at += lognormal(2 * DAY, 0.6);
      move(back, at);
    } else if (random() < 0.12) {
      push('WorkItemBlocked', at + HOUR, { reason: 'flag', note: null });
      at += lognormal(1.5 * DAY, 0.7);
      push('WorkItemUnblocked', at, { reason: 'flag' });
    }
    at += lognormal(s === 1 ? 4 * DAY : 1.5 * DAY, 0.8);
  }
  if (random() < 0.06) return events; // stuck in progress
  move(done, at);
  if (random() < 0.05) {
    at += lognormal(3 * DAY, 0.5);
    move(flow[1] as StatusRef, at);
    at += lognormal(2 * DAY, 0.5);
    move(done, at);
  }
  return events;
}

/** Items created in the last 90 days ship in their board's release of that 30-day period (derived, no random draw). */
function releaseOf(options: PortfolioOptions, board: BoardPlan, created: number): string[] {
  const age = options.now - created;
  return age < 90 * DAY ? [`${board.boardId} R${Math.floor(age / (30 * DAY))}`] : [];
}

/** Three open releases per board, due 10, 40 and 70 days after now. */
function releaseEvents(options: PortfolioOptions, boards: readonly BoardPlan[]): CanonicalEvent[] {
  return boards.flatMap((board) =>
    [0, 1, 2].map((r) => {
      const occurredAt = new Date(options.now - 95 * DAY).toISOString();
      const releaseDate = new Date(options.now + (10 + 30 * (2 - r)) * DAY).toISOString().slice(0, 10);
      return {
        eventId: deterministicEventId(options.workspaceId, board.boardId, 'release', r),
        workspaceId: options.workspaceId, connectorId: 'bench', source: board.source, sourceEventId: `${board.boardId}:release:${r}`,
        type: 'ReleaseUpserted', occurredAt, receivedAt: occurredAt, sequence: 0, schemaVersion: 1,
        boardId: board.boardId, itemId: null, itemKey: null,
        payload: { releaseId: `${board.boardId}-v${r}`, name: `${board.boardId} R${r}`, releaseDate, released: false, archived: false },
      } as CanonicalEvent;
    }),
  );
}

const epicId = (board: BoardPlan, r: number) => (board.source === 'jira' ? `${board.boardId}-epic-${r}` : `${board.boardId.slice(0, 12)}ee${String(r).padStart(10, '0')}`);

/** Every other item created in the last 90 days belongs to its board's epic of that 30-day period (no random draw). */
function epicOf(options: PortfolioOptions, board: BoardPlan, created: number): string | null {
  const age = options.now - created;
  return age < 90 * DAY ? epicId(board, Math.floor(age / (30 * DAY))) : null;
}

/** Three epics per board, in progress since 90 days ago, due with the board's releases. */
function epicEvents(options: PortfolioOptions, boards: readonly BoardPlan[]): CanonicalEvent[] {
  return boards.flatMap((board) =>
    [0, 1, 2].flatMap((r) => {
      const itemId = epicId(board, r);
      const itemKey = board.source === 'jira' ? `${board.boardId}-E${r}` : `c${board.boardId.slice(4, 8)}E${r}`;
      const dueDate = new Date(options.now + (10 + 30 * (2 - r)) * DAY).toISOString().slice(0, 10);
      const fields: WorkItemFields = {
        title: `Epic ${itemKey}`, type: 'Epic', priority: 'High', assignee: null, labels: [], components: [], fixVersions: [],
        estimate: null, dueDate, parentId: null, sprintIds: [], team: null, archived: false,
      };
      const event = (seq: number, at: number, type: CanonicalEvent['type'], payload: unknown) => {
        const occurredAt = new Date(at).toISOString();
        return {
          eventId: deterministicEventId(options.workspaceId, itemId, seq),
          workspaceId: options.workspaceId, connectorId: 'bench', source: board.source, sourceEventId: `${itemId}:${seq}`,
          type, occurredAt, receivedAt: occurredAt, sequence: 0, schemaVersion: 1,
          boardId: board.boardId, itemId, itemKey, payload,
        } as CanonicalEvent;
      };
      return [
        event(0, options.now - 95 * DAY, 'WorkItemCreated', { fields, status: board.flow[0] }),
        event(1, options.now - 90 * DAY, 'WorkItemStatusChanged', { from: board.flow[0], to: board.flow[1] }),
      ];
    }),
  );
}

/** Every 50th item of a board is blocked by the item before it. */
function linkEvent(options: PortfolioOptions, board: BoardPlan, number: number, created: number): CanonicalEvent {
  const key = (n: number) => (board.source === 'jira' ? `${board.boardId}-${n}` : `c${board.boardId.slice(4, 8)}${n}`);
  const occurredAt = new Date(Math.min(options.now, created + HOUR)).toISOString();
  return {
    eventId: deterministicEventId(options.workspaceId, board.boardId, 'link', number),
    workspaceId: options.workspaceId, connectorId: 'bench', source: board.source, sourceEventId: `${board.boardId}:link:${number}`,
    type: 'ItemLinkCreated', occurredAt, receivedAt: occurredAt, sequence: 0, schemaVersion: 1,
    boardId: null, itemId: null, itemKey: null,
    payload: { linkId: null, linkType: 'Blocks', blocker: { id: null, key: key(number - 1) }, dependent: { id: null, key: key(number) } },
  } as CanonicalEvent;
}

function pick(table: ReadonlyArray<[string, number]>, r: number): string {
  let acc = 0;
  for (const [value, weight] of table) {
    acc += weight;
    if (r < acc) return value;
  }
  return (table[table.length - 1] as [string, number])[0];
}

function gaussian(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}
