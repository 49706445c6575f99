/** Shapes as the Trello REST API returns them (only the fields the replay and the tests need, plus a few real extras). */
export interface RecordedList {
  id: string;
  name: string;
  closed: boolean;
  pos: number;
  idBoard: string;
  subscribed: boolean;
  softLimit: null;
}

export interface RecordedCard {
  id: string;
  name: string;
  idList: string;
  idBoard: string;
  idShort: number;
  shortLink: string;
  shortUrl: string;
  closed: boolean;
  due: string | null;
  dueComplete: boolean;
  idMembers: string[];
  idLabels: string[];
  labels: Array<{ id: string; idBoard: string; name: string; color: string }>;
  pos: number;
  desc: string;
  dateLastActivity: string;
}

export interface RecordedMember {
  id: string;
  fullName: string;
  username: string;
  initials: string;
  avatarHash: string;
}

export interface RecordedAction {
  id: string;
  idMemberCreator: string;
  type: string;
  date: string;
  data: Record<string, unknown>;
  appCreator: null;
  limits: null;
  memberCreator: Record<string, unknown>;
  member?: Record<string, unknown>;
}

export interface RecordedTrelloBoard {
  readonly board: { readonly id: string; readonly name: string; readonly shortLink: string };
  readonly lists: RecordedList[];
  /** `/cards/all`: every card now on the board, archived ones included. */
  readonly cards: RecordedCard[];
  readonly members: RecordedMember[];
  /** The board's action history, newest first, starting at `historyStart`. */
  readonly actions: RecordedAction[];
  readonly historyStart: string;
  readonly stats: {
    readonly cardsCreatedBeforeHistory: number;
    readonly cardsDeleted: number;
    readonly cardsMovedIn: number;
    readonly cardsMovedOut: number;
  };
}
