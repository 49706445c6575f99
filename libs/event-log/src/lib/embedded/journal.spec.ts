import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Journal, type JournalRecord, type StoredRecord } from './journal';

const record = (topic: string, n: number, size = 10): JournalRecord => ({ topic, key: `k${n}`, value: JSON.stringify({ n, pad: 'x'.repeat(size) }), headers: n % 2 ? { type: 'odd' } : {} });
const shape = (records: readonly StoredRecord[]) => records.map(({ offset, topic, key, value, headers }) => ({ offset, topic, key, value, headers }));

describe('Journal', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'flowlens-journal-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the same records from its parsed tail, past the tail, and from the file after a reopen', async () => {
    let journal = await Journal.open(dir);
    // 24 lines of ~1 MB: the first ones fall out of the 16 MB tail and are read from the file.
    for (let n = 0; n < 24; n++) await journal.appendLines([[record('a', 2 * n, 1_000_000), record('b', 2 * n + 1, 100)]]);
    const live = { a: journal.read('a', 0, 100), b: journal.read('b', 0, 100) };
    expect(live.a.records).toHaveLength(24);
    expect(live.b.records.map((r) => r.offset)).toEqual(Array.from({ length: 24 }, (_, n) => 2 * n + 1));
    expect(live.b.records[0]?.headers).toEqual({ type: 'odd' });
    await journal.close();

    journal = await Journal.open(dir);
    try {
      expect(shape(journal.read('a', 0, 100).records)).toEqual(shape(live.a.records));
      expect(shape(journal.read('b', 5, 100).records)).toEqual(shape(live.b.records.slice(2)));
    } finally {
      await journal.close();
    }
  });
});
