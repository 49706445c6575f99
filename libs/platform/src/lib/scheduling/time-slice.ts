import { setImmediate as nextTurn } from 'node:timers/promises';

/** How long CPU work runs before it lets the event loop serve what arrived meanwhile. */
export const DEFAULT_SLICE_MS = 4;

/**
 * Cooperative slicing of long CPU work on the event loop (parsing or encoding a projector batch of
 * thousands of records): the work checks `due()` as it goes and, when the slice is spent, awaits
 * `next()`, one turn of the event loop in which webhooks and API requests are answered. A webhook
 * then waits for about one slice instead of the whole batch.
 *
 *   const slice = new TimeSlice();
 *   for (const record of records) {
 *     if (slice.due()) await slice.next();
 *     ...
 *   }
 */
export class TimeSlice {
  private started = performance.now();

  constructor(private readonly ms = DEFAULT_SLICE_MS) {}

  /** Whether this slice has run its time. */
  due(): boolean {
    return performance.now() - this.started >= this.ms;
  }

  /** One turn of the event loop, then a new slice. */
  async next(): Promise<void> {
    await nextTurn();
    this.started = performance.now();
  }
}

/** `items` one by one, giving the event loop a turn whenever a slice is spent (for streams that pull). */
export async function* inSlices<T>(items: Iterable<T>, ms = DEFAULT_SLICE_MS): AsyncGenerator<T> {
  const slice = new TimeSlice(ms);
  for (const item of items) {
    if (slice.due()) await slice.next();
    yield item;
  }
}
