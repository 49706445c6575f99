/**
 * Single-flight answers of pure computations: callers asking for a key while its answer is being
 * computed, or within `keepMs` after it settled, get that answer (a failure is not kept). At most
 * `maxEntries` answers are held; the oldest goes first. Callers must treat answers as read-only.
 */
export class RecentAnswers {
  private readonly entries = new Map<string, Promise<unknown>>();

  constructor(
    private readonly keepMs: number,
    private readonly maxEntries: number,
  ) {}

  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const known = this.entries.get(key);
    if (known) return known as Promise<T>;
    const answer = compute();
    this.entries.set(key, answer);
    const forget = () => {
      if (this.entries.get(key) === answer) this.entries.delete(key);
    };
    answer.then(
      () => setTimeout(forget, this.keepMs).unref(),
      forget,
    );
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return answer;
  }

  get size(): number {
    return this.entries.size;
  }
}
