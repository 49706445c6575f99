import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConsumedBatch } from '../event-log.port';
import { EmbeddedEventLog } from './embedded-event-log';

const A = 'topic.a';
const B = 'topic.b';
const rec = (n: number, topic = A) => ({ topic, records: [{ key: `k${n}`, value: JSON.stringify({ n }) }] });

async function until(condition: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('EmbeddedEventLog', () => {
  let dir: string;
  let log: EmbeddedEventLog;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'flowlens-log-'));
    log = await EmbeddedEventLog.open(dir);
  });
  afterEach(async () => {
    await log.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('delivers appended records in order, per topic, and commits after the handler', async () => {
    await log.append([rec(1), rec(2, B), rec(3)]);
    await log.append([rec(4)]);
    const seen: string[] = [];
    const sub = await log.subscribe({
      groupId: 'g',
      topics: [A],
      fromBeginning: true,
      handleBatch: async (batch) => {
        seen.push(...batch.records.map((r) => r.key as string));
      },
    });
    await until(() => seen.length === 3);
    expect(seen).toEqual(['k1', 'k3', 'k4']);
    await sub.stop();
    expect(await log.progress('g', [A, B])).toEqual([
      { topic: A, lag: 0, total: 3 },
      { topic: B, lag: 1, total: 1 },
    ]);
  });

  it('redelivers a batch whose handler failed and commits nothing for it', async () => {
    await log.append([rec(1), rec(2)]);
    let calls = 0;
    const delivered: string[][] = [];
    const sub = await log.subscribe({
      groupId: 'g',
      topics: [A],
      fromBeginning: true,
      handleBatch: async (batch: ConsumedBatch) => {
        calls++;
        delivered.push(batch.records.map((r) => r.offset));
        if (calls === 1) {
          expect((await log.progress('g', [A]))[0]?.lag).toBe(2);
          throw new Error('clickhouse said no');
        }
      },
    });
    await until(() => calls === 2, 3000);
    await sub.stop();
    expect(delivered[0]).toEqual(delivered[1]);
    expect((await log.progress('g', [A]))[0]?.lag).toBe(0);
  });

  it('survives a restart: data and committed offsets persist', async () => {
    await log.append([rec(1), rec(2)]);
    const first: string[] = [];
    const sub = await log.subscribe({ groupId: 'g', topics: [A], fromBeginning: true, handleBatch: async (b) => void first.push(...b.records.map((r) => r.key as string)) });
    await until(() => first.length === 2);
    await sub.stop();
    await log.close();

    log = await EmbeddedEventLog.open(dir);
    await log.append([rec(3)]);
    const second: string[] = [];
    const again = await log.subscribe({ groupId: 'g', topics: [A], fromBeginning: true, handleBatch: async (b) => void second.push(...b.records.map((r) => r.key as string)) });
    await until(() => second.length === 1);
    await again.stop();
    expect(second).toEqual(['k3']);
  });

  it('writes the positions batches reach once per commit interval per group, and at stop()', async () => {
    const file = (group: string) => join(dir, 'log', 'groups', `${group}.json`);
    const onDisk = (group: string) => (JSON.parse(readFileSync(file(group), 'utf8')) as Record<string, number>)[A];
    await log.close();
    for (const [intervalMs, group] of [
      [60_000, 'slow'],
      [20, 'quick'],
    ] as const) {
      log = await EmbeddedEventLog.open(dir, '', { commitIntervalMs: intervalMs });
      if (group === 'slow') await log.append([rec(1), rec(2)]);
      let seen = 0;
      const sub = await log.subscribe({ groupId: group, topics: [A], fromBeginning: true, handleBatch: async (b) => void (seen += b.records.length) });
      await until(() => seen === 2 && onDisk(group) !== undefined);
      if (group === 'slow') {
        await until(async () => (await log.progress(group, [A]))[0]?.lag === 0);
        expect(onDisk(group)).toBe(0); // in effect at once, on disk later: only the start position is written yet
      } else {
        await until(() => onDisk(group) === 2); // the interval passed
      }
      await sub.stop();
      expect(onDisk(group)).toBe(2);
      await log.close();
    }
    log = await EmbeddedEventLog.open(dir);
  });

  it('makes a multi-topic append atomic: a torn last line is discarded on reopen', async () => {
    await log.append([rec(1), rec(2, B)]);
    await log.close();
    const file = join(dir, 'log', 'journal.log');
    const goodSize = statSync(file).size;
    // Simulate a crash in the middle of writing a second append that spanned both topics.
    appendFileSync(file, '{"o":2,"ts":1,"r":[{"t":"topic.a","k":"k3","v":"{}"},{"t":"topic.b","k":"k4"');
    log = await EmbeddedEventLog.open(dir);
    expect(statSync(file).size).toBe(goodSize);
    expect(await log.progress('fresh', [A, B])).toEqual([
      { topic: A, lag: 1, total: 1 },
      { topic: B, lag: 1, total: 1 },
    ]);
    await log.append([rec(5)]);
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('cuts a journal whose last line lost its newline', async () => {
    await log.append([rec(1)]);
    await log.append([rec(2)]);
    await log.close();
    const file = join(dir, 'log', 'journal.log');
    truncateSync(file, statSync(file).size - 1);
    log = await EmbeddedEventLog.open(dir);
    expect((await log.progress('g', [A]))[0]?.total).toBe(1);
  });

  it('refuses a second opener of the same data dir, naming the holder, until the holder closes', async () => {
    await expect(EmbeddedEventLog.open(dir)).rejects.toThrow(`the embedded log at ${join(dir, 'log')} is in use by process ${process.pid}`);
    await log.close();
    log = await EmbeddedEventLog.open(dir);
    await expect(log.ping()).resolves.toBeUndefined();
  });

  it('ignores the PID lock file older versions left behind', async () => {
    await log.close();
    appendFileSync(join(dir, 'log', 'journal.lock'), '1'); // pid 1 is alive (init) and is not us
    log = await EmbeddedEventLog.open(dir);
    await expect(log.append([rec(1)])).resolves.toBeUndefined();
  });

  it('group commit: appends made while a write is in flight share the next line-set and its fsync', async () => {
    const first = log.append([rec(0)]);
    // Arrive in the next turns of the event loop, while the first write is on its way to disk.
    const later = Array.from({ length: 49 }, (_, i) => new Promise<void>((resolve, reject) => setImmediate(() => log.append([rec(i + 1)]).then(resolve, reject))));
    await Promise.all([first, ...later]);
    expect((await log.progress('g', [A]))[0]?.total).toBe(50);
    const lines = readFileSync(join(dir, 'log', 'journal.log'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(50); // one line per append: each stays atomic on its own
    expect(lines.map((line) => (JSON.parse(line) as { r: Array<{ k: string }> }).r[0]?.k)).toEqual(Array.from({ length: 50 }, (_, i) => `k${i}`));
  });

  it('answers no append before its write is durable, and fails every append of a failed write', async () => {
    const durable: number[] = [];
    const appends = Array.from({ length: 20 }, (_, i) => log.append([rec(i)]).then(() => durable.push(i)));
    await appends[0];
    // Whatever has resolved is on disk: reopening the journal elsewhere would see it.
    const onDisk = readFileSync(join(dir, 'log', 'journal.log'), 'utf8').trim().split('\n').length;
    expect(onDisk).toBeGreaterThanOrEqual(durable.length);
    await Promise.all(appends);
    await log.close();
    await expect(log.append([rec(99)])).rejects.toThrow(/closed/);
    log = await EmbeddedEventLog.open(dir);
    expect((await log.progress('g', [A]))[0]?.total).toBe(20);
  });

  it('resetGroup replays from the start and fromBeginning=false starts at the end', async () => {
    await log.append([rec(1), rec(2)]);
    const tail: string[] = [];
    const sub = await log.subscribe({ groupId: 'late', topics: [A], fromBeginning: false, handleBatch: async (b) => void tail.push(...b.records.map((r) => r.key as string)) });
    await log.append([rec(3)]);
    await until(() => tail.length === 1);
    await sub.stop();
    expect(tail).toEqual(['k3']);
    await log.resetGroup('late', [A]);
    expect((await log.progress('late', [A]))[0]?.lag).toBe(3);
  });

  it('rejects appends after close', async () => {
    await log.close();
    await expect(log.append([rec(1)])).rejects.toThrow(/closed/);
    log = await EmbeddedEventLog.open(dir);
  });
});
