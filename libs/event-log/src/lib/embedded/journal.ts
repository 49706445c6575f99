import { closeSync, fdatasync, fstatSync, ftruncate, ftruncateSync, mkdirSync, openSync, readSync, write } from 'node:fs';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { EventLogUnavailableError } from '../event-log.errors';
import { DataDirLock } from './data-dir-lock';

export interface JournalRecord {
  readonly topic: string;
  readonly key: string;
  readonly value: string;
  readonly headers: Readonly<Record<string, string>>;
}

export interface StoredRecord extends JournalRecord {
  readonly offset: number;
  readonly timestamp: number;
}

const writeAt = promisify(write);
const syncData = promisify(fdatasync);
const truncateTo = promisify(ftruncate);

interface LineIndex {
  readonly base: number;
  readonly count: number;
  readonly pos: number;
  readonly len: number;
}

/**
 * The lines written last are kept parsed (up to this many bytes of the file): consumers following
 * the tail, the projector's loops for each topic, then read them without a file read or a parse.
 */
const TAIL_CACHE_BYTES = 16 * 1024 * 1024;

interface SerialisedLine {
  o: number;
  ts: number;
  r: Array<{ t: string; k: string; v: string; h?: Record<string, string> }>;
}

/**
 * Append-only journal in one file. Every append is ONE line holding all its records, so an append
 * spanning several topics is atomic: a line torn by a crash is cut off when the journal reopens.
 * Offsets are global, monotonic record numbers; each topic sees a subsequence of them.
 */
export class Journal {
  private readonly lines: LineIndex[] = [];
  /** Offsets of each topic's records, ascending (for lag and per-topic reads). */
  private readonly topicOffsets = new Map<string, number[]>();
  private nextOffset = 0;
  private size = 0;
  private closed = false;
  private writing = false;
  /** Parsed recent lines by their first offset, oldest first (insertion order), and their bytes. */
  private readonly tail = new Map<number, { readonly line: SerialisedLine; readonly len: number }>();
  private tailBytes = 0;

  private constructor(
    private readonly fd: number,
    private readonly lock: DataDirLock,
  ) {}

  static async open(dir: string): Promise<Journal> {
    mkdirSync(dir, { recursive: true });
    const lock = await DataDirLock.acquire(dir);
    const fd = openSync(join(dir, 'journal.log'), 'a+');
    const journal = new Journal(fd, lock);
    journal.recover();
    return journal;
  }

  get endOffset(): number {
    return this.nextOffset;
  }

  /**
   * Writes the batches as lines and fsyncs once, off the event loop; resolves when durable. Readers
   * see the lines only then. One call at a time: the caller queues what arrives meanwhile.
   */
  async appendLines(batches: ReadonlyArray<readonly JournalRecord[]>): Promise<void> {
    if (this.closed) throw new EventLogUnavailableError('embedded log is closed');
    if (this.writing) throw new Error('Journal.appendLines called while a write is in flight');
    const now = Date.now();
    const chunks: Buffer[] = [];
    const pending: Array<{ line: LineIndex; serialised: SerialisedLine; records: readonly JournalRecord[] }> = [];
    let pos = this.size;
    let base = this.nextOffset;
    for (const records of batches) {
      if (records.length === 0) continue;
      const line: SerialisedLine = {
        o: base,
        ts: now,
        r: records.map((r) => ({ t: r.topic, k: r.key, v: r.value, ...(Object.keys(r.headers).length ? { h: { ...r.headers } } : {}) })),
      };
      const bytes = Buffer.from(JSON.stringify(line) + '\n', 'utf8');
      chunks.push(bytes);
      pending.push({ line: { base, count: records.length, pos, len: bytes.length }, serialised: line, records });
      pos += bytes.length;
      base += records.length;
    }
    if (chunks.length === 0) return;
    const buffer = Buffer.concat(chunks);
    this.writing = true;
    try {
      let written = 0;
      while (written < buffer.length) written += (await writeAt(this.fd, buffer, written, buffer.length - written, this.size + written)).bytesWritten;
      await syncData(this.fd);
    } catch (error) {
      // Cut whatever part reached the file so a later append cannot land after a torn line.
      await truncateTo(this.fd, this.size).catch(() => undefined); // else the next open() repairs the tail
      throw new EventLogUnavailableError(`embedded log write failed: ${(error as Error).message}`, error);
    } finally {
      this.writing = false;
    }
    for (const { line, serialised, records } of pending) {
      this.index(line, records.map((r) => r.topic));
      this.keepInTail(serialised, line.len);
    }
    this.size = pos;
    this.nextOffset = base;
  }

  /**
   * Records of `topic` with offset >= from, at most `max`. `scannedTo` is the offset up to which
   * the journal was examined, so a consumer can move past other topics' records.
   */
  read(topic: string, from: number, max: number): { records: StoredRecord[]; scannedTo: number } {
    const offsets = this.topicOffsets.get(topic) ?? [];
    const first = lowerBound(offsets, from);
    if (first >= offsets.length) return { records: [], scannedTo: Math.max(from, this.nextOffset) };
    const wanted = new Set(offsets.slice(first, first + max));
    const lastWanted = offsets[Math.min(first + max, offsets.length) - 1] as number;
    const records: StoredRecord[] = [];
    let lineNo = this.lineFor(offsets[first] as number);
    while (lineNo < this.lines.length) {
      const line = this.lines[lineNo] as LineIndex;
      if (line.base > lastWanted) break;
      const parsed = this.readLine(line);
      parsed.r.forEach((r, i) => {
        const offset = parsed.o + i;
        if (r.t === topic && wanted.has(offset)) {
          records.push({ offset, timestamp: parsed.ts, topic: r.t, key: r.k, value: r.v, headers: r.h ?? {} });
        }
      });
      lineNo++;
    }
    const scannedTo = first + max >= offsets.length ? this.nextOffset : lastWanted + 1;
    return { records, scannedTo };
  }

  /** Number of `topic` records with offset >= from. */
  countFrom(topic: string, from: number): number {
    const offsets = this.topicOffsets.get(topic) ?? [];
    return offsets.length - lowerBound(offsets, from);
  }

  count(topic: string): number {
    return this.topicOffsets.get(topic)?.length ?? 0;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.tail.clear();
    closeSync(this.fd);
    await this.lock.release();
  }

  private recover(): void {
    const total = fstatSync(this.fd).size;
    const chunkSize = 1 << 20;
    let carry = Buffer.alloc(0);
    let filePos = 0;
    let validEnd = 0;
    while (filePos < total) {
      const chunk = Buffer.alloc(Math.min(chunkSize, total - filePos));
      readSync(this.fd, chunk, 0, chunk.length, filePos);
      filePos += chunk.length;
      let data = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      let start = 0;
      let nl: number;
      while ((nl = data.indexOf(0x0a, start)) !== -1) {
        const len = nl - start + 1;
        const parsed = tryParse(data.subarray(start, nl));
        if (!parsed || parsed.o !== this.nextOffset) {
          filePos = total; // stop: everything from here on is suspect
          data = Buffer.alloc(0);
          start = 0;
          break;
        }
        this.index({ base: parsed.o, count: parsed.r.length, pos: validEnd, len }, parsed.r.map((r) => r.t));
        this.nextOffset = parsed.o + parsed.r.length;
        validEnd += len;
        start = nl + 1;
      }
      carry = data.subarray(start);
    }
    if (validEnd < total) ftruncateSync(this.fd, validEnd);
    this.size = validEnd;
  }

  private index(line: LineIndex, topics: readonly string[]): void {
    this.lines.push(line);
    topics.forEach((topic, i) => {
      let list = this.topicOffsets.get(topic);
      if (!list) this.topicOffsets.set(topic, (list = []));
      list.push(line.base + i);
    });
  }

  private lineFor(offset: number): number {
    let lo = 0;
    let hi = this.lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lines[mid] as LineIndex).base <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private keepInTail(line: SerialisedLine, len: number): void {
    this.tail.set(line.o, { line, len });
    this.tailBytes += len;
    for (const [base, kept] of this.tail) {
      if (this.tailBytes <= TAIL_CACHE_BYTES) break;
      this.tail.delete(base);
      this.tailBytes -= kept.len;
    }
  }

  private readLine(line: LineIndex): SerialisedLine {
    const kept = this.tail.get(line.base);
    if (kept) return kept.line;
    const buf = Buffer.alloc(line.len);
    readSync(this.fd, buf, 0, line.len, line.pos);
    const parsed = tryParse(buf.subarray(0, line.len - 1));
    if (!parsed) throw new EventLogUnavailableError(`embedded log is corrupt at byte ${line.pos}`);
    return parsed;
  }
}

function tryParse(bytes: Buffer): SerialisedLine | null {
  try {
    const value = JSON.parse(bytes.toString('utf8')) as SerialisedLine;
    return typeof value.o === 'number' && Array.isArray(value.r) ? value : null;
  } catch {
    return null;
  }
}

function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
