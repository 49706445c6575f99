import type { EventDraft } from './trello-event.factory';
import type { TrelloActionScope } from './trello-action.scope';

export type MapperOutcome = { readonly drafts: EventDraft[] } | { readonly ignored: string };

export type TrelloActionMapper = (scope: TrelloActionScope) => MapperOutcome;

export const drafts = (...list: EventDraft[]): MapperOutcome => ({ drafts: list });
export const ignored = (reason: string): MapperOutcome => ({ ignored: reason });
