import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedEventLog } from '@flowlens/event-log';
import { eventually, repoRoot } from '@flowlens/testing';

/** Opens the embedded log in the data dir given as argv[1] and holds it until killed. */
const HOLDER = `
const { EmbeddedEventLog } = require(${JSON.stringify(join(repoRoot(), 'dist', 'libs', 'event-log', 'src', 'index.js'))});
EmbeddedEventLog.open(process.argv[1]).then(
  () => { process.stdout.write('locked ' + process.pid + '\\n'); setInterval(() => undefined, 60000); },
  (error) => { process.stdout.write('refused ' + error.message + '\\n'); process.exit(3); },
);`;

const processState = (pid: number): string => readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '')[0] as string;

describe('embedded journal lock (a kernel-held socket, no PID file)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'flowlens-lock-'));
  let parent: ChildProcess | null = null;

  afterAll(() => {
    parent?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a second process while the holder lives, and a holder killed and left as a zombie blocks nothing', async () => {
    // The holder's parent is `sleep`, which never reaps it: once killed, the holder stays a zombie.
    parent = spawn('sh', ['-c', '"$0" -e "$1" "$2" & exec sleep 300', process.execPath, HOLDER, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    parent.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await eventually(async () => output, (text) => /locked \d+/.test(text), { timeoutMs: 30_000, what: 'the holder locked the journal' });
    const holder = Number(/locked (\d+)/.exec(output)?.[1]);

    await expect(EmbeddedEventLog.open(dir)).rejects.toThrow(`is in use by process ${holder}`);

    process.kill(holder, 'SIGKILL');
    await eventually(async () => processState(holder), (state) => state === 'Z', { what: 'the holder is a zombie' });
    const log = await EmbeddedEventLog.open(dir);
    try {
      await log.append([{ topic: 'lock.test', records: [{ key: 'k', value: 'v' }] }]);
      expect((await log.progress('g', ['lock.test']))[0]?.total).toBe(1);
      expect(processState(holder)).toBe('Z'); // still unreaped while we hold the lock
    } finally {
      await log.close();
    }
  });
});
