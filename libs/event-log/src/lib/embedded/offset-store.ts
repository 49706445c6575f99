import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Committed positions per consumer group and topic, each file replaced atomically. Writes run off
 * the event loop (a commit follows every projector batch, while webhooks are being answered).
 */
export class OffsetStore {
  private readonly cache = new Map<string, Record<string, number>>();

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  get(groupId: string, topic: string): number | undefined {
    return this.load(groupId)[topic];
  }

  commit(groupId: string, topic: string, offset: number): Promise<void> {
    return this.write(groupId, { ...this.load(groupId), [topic]: offset });
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
