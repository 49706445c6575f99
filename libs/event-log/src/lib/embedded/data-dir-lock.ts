import { createHash } from 'node:crypto';
import { realpathSync, rmSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { join } from 'node:path';

const ASK_TIMEOUT_MS = 1000;
/** A dead owner's socket refuses connections a moment before the kernel frees its name. */
const DYING_OWNER_RETRIES = 30;
const RETRY_MS = 100;

/**
 * One process per embedded data dir: a second one fails fast instead of corrupting the journal.
 * The lock is a listening Unix socket, which the kernel closes when its process dies (however it
 * dies, and before a zombie is reaped), so nothing can go stale and no PID is trusted. On Linux it
 * lives in the abstract namespace, named after the data dir: binding is atomic and leaves no file.
 * Elsewhere it is a socket file in the dir; one that refuses connections is a dead owner's.
 */
export class DataDirLock {
  private constructor(
    private readonly server: Server,
    private readonly file: string | null,
  ) {}

  static async acquire(dir: string): Promise<DataDirLock> {
    const abstract = process.platform === 'linux';
    const address = abstract ? `\0flowlens-journal-${createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 40)}` : join(dir, 'journal.lock.sock');
    for (let attempt = 0; ; attempt++) {
      try {
        return new DataDirLock(await listen(address), abstract ? null : address);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
        const owner = await askOwner(address);
        const gone = owner === 'refused' || owner === 'reset';
        if (!gone || attempt >= DYING_OWNER_RETRIES) throw new Error(`the embedded log at ${dir} is in use by process ${gone ? 'unknown' : owner}`);
        if (owner === 'refused' && !abstract) rmSync(address, { force: true }); // a socket file nobody listens on any more
        else await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
  }

  release(): Promise<void> {
    return new Promise<void>((resolve) => this.server.close(() => resolve())).then(() => {
      if (this.file) rmSync(this.file, { force: true });
    });
  }
}

/** Answers each connection with this process' id, so a refused second process can name the owner. */
function listen(address: string): Promise<Server> {
  const server = createServer((socket) => socket.end(String(process.pid)));
  server.unref();
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(address, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

/**
 * The owner's PID ('unknown' if it does not say in time); 'refused' when nobody listens there,
 * 'reset' when the listener is being torn down (its process just died).
 */
function askOwner(address: string): Promise<string> {
  return new Promise((resolve) => {
    let answer = '';
    const socket = connect(address);
    socket.setTimeout(ASK_TIMEOUT_MS, () => socket.destroy());
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED' || error.code === 'ENOENT') resolve('refused');
      else resolve(error.code === 'ECONNRESET' ? 'reset' : 'unknown');
    });
    socket.on('close', () => resolve(answer.trim() || 'unknown'));
  });
}
