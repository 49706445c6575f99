import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

/** One process per embedded data dir: a second one fails fast instead of corrupting the journal. */
export class DataDirLock {
  private constructor(private readonly path: string) {}

  static acquire(path: string): DataDirLock {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(path, 'wx');
        writeSync(fd, String(process.pid));
        closeSync(fd);
        return new DataDirLock(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const owner = Number(readFileSync(path, 'utf8').trim());
        if (owner && owner !== process.pid && isAlive(owner)) {
          throw new Error(`the embedded log at ${path} is in use by process ${owner}`);
        }
        rmSync(path, { force: true }); // stale lock from a crashed process (or ourselves)
      }
    }
    throw new Error(`could not lock ${path}`);
  }

  release(): void {
    rmSync(this.path, { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
