import { NormalisationError, tryIsoInstant, type StatusRef } from '@flowlens/contracts';
import type { TrelloAction, TrelloCardRef, TrelloListRef } from '../schema/trello-action.schema';
import type { TrelloLookup } from './trello-lookup';

export interface CardIdentity {
  readonly id: string;
  readonly key: string;
}

/** One action plus what the conversion knows; the helpers throw NormalisationError when data is missing. */
export class TrelloActionScope {
  constructor(
    readonly action: TrelloAction,
    readonly lookup: TrelloLookup,
  ) {}

  get data(): TrelloAction['data'] {
    return this.action.data;
  }

  fail(reason: string): never {
    throw new NormalisationError(`${this.action.type} ${this.action.id}: ${reason}`);
  }

  card(ref: TrelloCardRef | undefined = this.data.card): CardIdentity {
    const id = ref?.id;
    if (!id) this.fail('no card id');
    return { id, key: ref.shortLink || this.lookup.cardKey?.(id) || id };
  }

  boardId(): string {
    const id = this.data.board?.id || this.lookup.boardId;
    if (!id) this.fail('no board id');
    return id;
  }

  status(list: TrelloListRef | { id: string } | undefined, what: string): StatusRef {
    if (!list?.id) this.fail(`no ${what} list`);
    const name = ('name' in list ? list.name : undefined) || this.lookup.listName?.(list.id);
    if (!name) this.fail(`the ${what} list ${list.id} has no name`);
    return { id: list.id, name, category: null };
  }

  /** Trello's due is an instant; the canonical due date is its UTC calendar date. */
  dueDate(value: string | null | undefined): string | null {
    if (value === undefined) this.fail('the due date change carries no new value');
    if (value === null || value === '') return null;
    const instant = tryIsoInstant(value);
    if (!instant) this.fail(`unreadable due date ${value}`);
    return instant.slice(0, 10);
  }
}
