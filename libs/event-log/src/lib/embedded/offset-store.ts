import { existsSync, fsyncSync, mkdirSync, openSync, closeSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Committed positions per consumer group and topic, each file replaced atomically. */
export class OffsetStore {
  private readonly cache = new Map<string, Record<string, number>>();

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  get(groupId: string, topic: string): number | undefined {
    return this.load(groupId)[topic];
  }

  commit(groupId: string, topic: string, offset: number): void {
    const offsets = { ...this.load(groupId), [topic]: offset };
    this.write(groupId, offsets);
  }

  reset(groupId: string, topics: readonly string[]): void {
    const offsets = { ...this.load(groupId) };
    for (const topic of topics) delete offsets[topic];
    this.write(groupId, offsets);
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

  private write(groupId: string, offsets: Record<string, number>): void {
    const path = this.file(groupId);
    const tmp = `${path}.tmp`;
    const fd = openSync(tmp, 'w');
    writeSync(fd, JSON.stringify(offsets));
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, path);
    this.cache.set(groupId, offsets);
  }

  private file(groupId: string): string {
    return join(this.dir, `${encodeURIComponent(groupId)}.json`);
  }
}
