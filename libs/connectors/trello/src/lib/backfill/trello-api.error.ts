/** A Trello API call that failed for good. The message never carries the key or token. */
export class TrelloApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'TrelloApiError';
  }
}
