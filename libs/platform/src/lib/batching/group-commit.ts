export interface GroupCommitOptions<T> {
  /** Items whose total weight passes this go to the next flush (one item always goes). */
  readonly maxWeight?: number;
  readonly weigh?: (item: T) => number;
  /** Told how many items each successful flush made durable (for the group-size metric). */
  readonly onFlush?: (items: number) => void;
}

interface Waiting<T, R> {
  readonly item: T;
  readonly resolve: (result: R) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit: items added while a flush is in flight (or in the same turn of the event loop as
 * the first) share the next flush, and each add() settles with that flush: resolved with its
 * result once it succeeded, rejected with its error otherwise. One flush runs at a time, so a
 * burst of N concurrent callers costs a handful of flushes instead of N.
 */
export class GroupCommit<T, R = void> {
  private queue: Array<Waiting<T, R>> = [];
  private draining: Promise<void> | null = null;

  constructor(
    private readonly flush: (items: T[]) => Promise<R>,
    private readonly options: GroupCommitOptions<T> = {},
  ) {}

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.draining ??= this.drain();
    });
  }

  /** Resolves once everything added so far has been flushed (or failed). */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    try {
      await new Promise((resolve) => setImmediate(resolve));
      while (this.queue.length > 0) {
        const batch = this.take();
        try {
          const result = await this.flush(batch.map((w) => w.item));
          this.options.onFlush?.(batch.length);
          for (const w of batch) w.resolve(result);
        } catch (error) {
          for (const w of batch) w.reject(error);
        }
      }
    } finally {
      this.draining = null;
    }
  }

  private take(): Array<Waiting<T, R>> {
    const { maxWeight = Infinity, weigh = () => 1 } = this.options;
    let weight = 0;
    let count = 0;
    while (count < this.queue.length) {
      const next = weigh((this.queue[count] as Waiting<T, R>).item);
      if (count > 0 && weight + next > maxWeight) break;
      weight += next;
      count++;
    }
    return this.queue.splice(0, count);
  }
}
