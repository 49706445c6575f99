/** The log cannot take or serve records right now; callers answer 503 and the source retries. */
export class EventLogUnavailableError extends Error {
  constructor(message: string, override readonly cause?: unknown) {
    super(message);
    this.name = 'EventLogUnavailableError';
  }
}
