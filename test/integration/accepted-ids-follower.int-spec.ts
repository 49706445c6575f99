import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TOPICS } from '@flowlens/contracts';
import { EmbeddedEventLog } from '@flowlens/event-log';
import { ACCEPTED_IDS_GROUP_ID, AcceptedIdsFollower, appendedIds } from '@flowlens/feature-ingest';
import { AcceptedEventIdRepository, runPostgresMigrations } from '@flowlens/persistence';
import { ReadinessRegistry } from '@flowlens/platform';
import { openTestDataSource, type TestDataSource } from '../support/test-data-source';

/** Work-item event records as the gateway appends them (only the id matters to the follower). */
function eventRecords(ids: readonly string[]) {
  return [{ topic: TOPICS.workItemEvents, records: ids.map((eventId) => ({ key: 'ws:item', value: JSON.stringify({ eventId, type: 'item.created' }), headers: { type: 'item.created' } })) }];
}

describe('accepted ids recorded from the embedded log (PGlite, sole user)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'flowlens-accepted-ids-'));
  let source: TestDataSource;

  beforeAll(async () => {
    source = await openTestDataSource('pglite');
    await runPostgresMigrations(source.db);
  });

  afterAll(async () => {
    await source.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('before ready() resolves, the table catches up with everything the log held at start-up; a restart replays only the rest', async () => {
    const log = await EmbeddedEventLog.open(dir);
    const first = Array.from({ length: 12_000 }, () => randomUUID());
    for (let i = 0; i < first.length; i += 500) await log.append(eventRecords(first.slice(i, i + 500)));

    const repository = new AcceptedEventIdRepository(source.db);
    const follower = new AcceptedIdsFollower(log, repository, new ReadinessRegistry());
    expect(follower.follows).toBe(true);
    follower.onApplicationBootstrap();
    await follower.ready();
    // What a lookup sees right then, and what a restarted process loads from the table.
    expect((await repository.known(first)).size).toBe(first.length);
    expect((await new AcceptedEventIdRepository(source.db).known(first)).size).toBe(first.length);

    const later = Array.from({ length: 300 }, () => randomUUID());
    await log.append(eventRecords(later));
    await follower.onApplicationShutdown();
    await log.close();

    // The "restart": the group's committed offset is where the replay starts.
    const reopened = await EmbeddedEventLog.open(dir);
    expect((await reopened.progress(ACCEPTED_IDS_GROUP_ID, [TOPICS.workItemEvents]))[0]?.lag).toBeLessThanOrEqual(later.length);
    const restarted = new AcceptedEventIdRepository(source.db);
    const again = new AcceptedIdsFollower(reopened, restarted, new ReadinessRegistry());
    again.onApplicationBootstrap();
    await again.ready();
    expect((await restarted.known([...first, ...later])).size).toBe(first.length + later.length);
    expect((await reopened.progress(ACCEPTED_IDS_GROUP_ID, [TOPICS.workItemEvents]))[0]?.lag).toBe(0);
    await again.onApplicationShutdown();
    await reopened.close();
  });

  it('keeps the append time of each id, and leaves out records older than the retention and values without an id', () => {
    const now = Date.parse('2026-12-08T00:00:00Z');
    const record = (value: string, timestamp: number) => ({ topic: TOPICS.workItemEvents, partition: 0, offset: '0', key: null, value, headers: {}, timestamp });
    const id = randomUUID();
    const kept = appendedIds([record(JSON.stringify({ eventId: id }), now), record(JSON.stringify({ eventId: randomUUID() }), now - 31 * 86_400_000), record('not json', now), record('{}', now)], now - 30 * 86_400_000);
    expect(kept).toEqual([{ eventId: id, appendedAt: new Date(now) }]);
  });
});
