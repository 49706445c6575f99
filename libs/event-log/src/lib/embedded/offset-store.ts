import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { join } from 'node:path';

/** How long a position committed after a batch may stay in memory before its group's file is written. */
export const COMMIT_INTERVAL_MS = 1000;

/**
 * Committed positions per consumer group and topic, each file replaced atomically. Writes run off
 * the event loop. The positions a consumer reaches batch after batch are written at most once a
 * second per group ({@link commitSoon}, as Kafka consumers auto-commit): each write is an fsync and
 * a rename, and one per batch of every topic competed with the journal's own fsync on the same
 * disk. A crash then replays up to a second of batches, which at-least-once consumers
 * take anyway.
 */
export class OffsetStore {
  private readonly cache = new Map<string, Record<string, number>>();
  private readonly due = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly dir: string,
    private readonly commitIntervalMs = COMMIT_INTERVAL_MS,
  ) {
    mkdirSync(dir, { recursive: true });
  }

  get(groupId: string, topic: string): number | undefined {
    return this.load(groupId)[topic];
  }

  /** Durable when it resolves. */
  commit(groupId: string, topic: string, offset: number): Promise<void> {
    return this.write(groupId, { ...this.load(groupId), [topic]: offset });
  }

  /** Takes effect at once for {@link get}; durable within the commit interval, or at {@link flush}. */
  commitSoon(groupId: string, topic: string, offset: number): void {
    this.cache.set(groupId, { ...this.load(groupId), [topic]: offset });
    if (this.due.has(groupId)) return;
    this.due.set(
      groupId,
      setTimeout(() => {
        this.due.delete(groupId);
        void this.write(groupId, this.load(groupId)).catch(() => undefined); // the next commit writes again
      }, this.commitIntervalMs),
    );
  }

  /** Writes every group with positions not yet on disk. */
  async flush(): Promise<void> {
    const groups = [...this.due.keys()];
    for (const timer of this.due.values()) clearTimeout(timer);
    this.due.clear();
    await Promise.all(groups.map((groupId) => this.write(groupId, this.load(groupId))));
    await Promise.all(this.writes.values());
  }

  reset(groupId: string, topics: readonly string[]): Promise<void> {
    const offsets = { ...this.load(groupId) };
    for (const topic of topics) delete offsets[topic];
    return this.write(groupId, offsets);
  }

  private load(groupId: string): Record<string, number> {
    let offsets = this.cache.get(groupId);
    if (!offsets) {
      const path = this.file(groupId);
      offsets = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, number>) : {};
      this.cache.set(groupId, offsets);
    }
    return offsets;
  }

  /** One group's file at a time: commits of its topics queue behind each other and never share a temp file. */
  private readonly writes = new Map<string, Promise<void>>();

  private write(groupId: string, offsets: Record<string, number>): Promise<void> {
    this.cache.set(groupId, offsets);
    const previous = this.writes.get(groupId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.replace(groupId));
    this.writes.set(groupId, next);
    return next;
  }

  /** Writes the group's latest offsets (those in the cache when the write starts). */
  private async replace(groupId: string): Promise<void> {
    const path = this.file(groupId);
    const tmp = `${path}.tmp`;
    const file = await open(tmp, 'w');
    try {
      await file.writeFile(JSON.stringify(this.cache.get(groupId) ?? {}));
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(tmp, path);
  }

  private file(groupId: string): string {
    return join(this.dir, `${encodeURIComponent(groupId)}.json`);
  }
}
