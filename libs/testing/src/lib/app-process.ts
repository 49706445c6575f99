import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { eventually } from './eventually';
import { repoRoot } from './repo-root';

/**
 * The V8 flags the apps run with everywhere (`npm start`, the Dockerfile's NODE_OPTIONS), so tests
 * and benchmarks measure what users run: a larger young generation, since a webhook delivery
 * allocates its body several times over (docs/operations.md).
 */
export const NODE_FLAGS = ['--max-semi-space-size=32'] as const;

const ROOT = repoRoot();
export type AppName = 'standalone' | 'ingest-gateway' | 'projector' | 'metrics-api' | 'alerting' | 'cli';

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A built Flowlens app running as a real child process (dist/ is built by the global setup). */
export class AppProcess {
  readonly url: string;
  private child: ChildProcess | null = null;
  private exit: Promise<number | null> = Promise.resolve(null);
  readonly logFile: string;
  stdout = '';

  private constructor(
    readonly app: AppName,
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {
    this.url = `http://127.0.0.1:${port}`;
    const logDir = join(ROOT, '.test-results', 'logs');
    mkdirSync(logDir, { recursive: true });
    this.logFile = join(logDir, `${app}-${port}-${Date.now()}.log`);
  }

  /** Starts the app and waits until /health answers. */
  static async start(app: AppName, env: Record<string, string>, options: { waitForHealth?: boolean } = {}): Promise<AppProcess> {
    const port = env['PORT'] ? Number(env['PORT']) : await freePort();
    const proc = new AppProcess(app, port, { LOG_LEVEL: 'warn', ...env, PORT: String(port), HOST: '127.0.0.1' });
    proc.spawn();
    if (options.waitForHealth !== false) await proc.waitHealthy();
    return proc;
  }

  spawn(): void {
    const log = createWriteStream(this.logFile, { flags: 'a' });
    const child = spawn(process.execPath, [...NODE_FLAGS, join(ROOT, 'dist', 'apps', this.app, 'src', 'main.js')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      this.stdout += chunk.toString();
      log.write(chunk);
    });
    child.stderr?.on('data', (chunk: Buffer) => log.write(chunk));
    this.exit = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    this.child = child;
  }

  async waitHealthy(timeoutMs = 90_000): Promise<void> {
    let exited = false;
    void this.exit.then(() => (exited = true));
    await eventually(
      async () => {
        if (exited) throw new Error(`${this.app} exited during start-up; log: ${this.logTail()}`);
        return (await fetch(`${this.url}/health`)).status;
      },
      (status) => status === 200,
      { timeoutMs, what: `${this.app} healthy` },
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n--- ${this.app} log ---\n${this.logTail()}`);
    });
  }

  async waitReady(timeoutMs = 90_000): Promise<void> {
    await eventually(async () => (await fetch(`${this.url}/ready`)).status, (s) => s === 200, { timeoutMs, what: `${this.app} ready` }).catch((error: Error) => {
      throw new Error(`${error.message}\n--- ${this.app} log ---\n${this.logTail()}`);
    });
  }

  /** The running process' id (for benches that read its CPU time). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** SIGTERM (graceful) or SIGKILL; resolves with the exit code. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    if (!this.child || this.child.exitCode !== null || this.child.signalCode !== null) return this.child?.exitCode ?? null;
    this.child.kill(signal);
    return this.exit;
  }

  /** Starts the same app again with the same environment and port. */
  async restart(): Promise<void> {
    this.stdout = '';
    this.spawn();
    await this.waitHealthy();
  }

  logTail(lines = 40): string {
    try {
      return readFileSync(this.logFile, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  }
}

/** Runs an app to completion (config errors, CLI commands) and returns its exit code and output. */
export function runToExit(app: AppName, args: string[], env: Record<string, string>, timeoutMs = 120_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'apps', app, 'src', 'main.js'), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${app} ${args.join(' ')} did not exit within ${timeoutMs} ms; stderr: ${stderr}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
