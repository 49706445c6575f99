/**
 * What the history conversion reads of a board's current state. Plain structural types, so the API
 * client's results, an export's arrays and hand-made test data all fit.
 */
export interface TrelloListState {
  readonly id: string;
  readonly name: string;
  readonly closed?: boolean;
  readonly pos?: number;
}

export interface TrelloCardState {
  readonly id: string;
  readonly name: string;
  readonly idList: string;
  readonly closed?: boolean;
  readonly due?: string | null;
  readonly shortLink?: string;
  readonly idMembers?: readonly string[];
  readonly labels?: ReadonlyArray<{ readonly id: string; readonly name?: string | null; readonly color?: string | null }>;
  readonly dateLastActivity?: string | null;
}

export interface TrelloMemberName {
  readonly id: string;
  readonly fullName?: string | null;
}
