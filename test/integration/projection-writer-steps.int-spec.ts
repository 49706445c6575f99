// The projection writer maps a large batch a step at a time (200 events, with event-loop turns in
// between), so one item's events can fall in two steps and get two timeline rows that the table
// merges. Whatever the batch, the result must be what the same events leave when written a few at
// a time: the same merged timelines and the same snapshots (written 60 at a time: one step each), on chDB, for random streams (the
// fast-check seed is printed per file; FC_SEED replays it), scrambled and partly re-delivered.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { ClickHouseStore, migrateClickHouse, TABLES } from '@flowlens/clickhouse';
import type { CanonicalEvent } from '@flowlens/contracts';
import { eventStreamArb, scrambled } from '@flowlens/metrics/testing';
import { ProjectionWriter } from '@flowlens/projections';

const dataDir = mkdtempSync(join(tmpdir(), 'flowlens-writer-steps-'));
const store = new ClickHouseStore({ user: 'default', password: '', database: 'flowlens_writer_steps', dataDir });
const writer = new ProjectionWriter(store);

/** The item state a workspace's projections hold: merged timelines and the snapshots. */
async function projected(workspaceId: string): Promise<{ timelines: unknown[]; snapshots: unknown[] }> {
  const timelines = await store.query(
    `SELECT item_id, arraySort(groupUniqArrayArray(entries)) AS entries FROM ${store.table(TABLES.itemTimelines)}
     WHERE workspace_id = {ws:String} GROUP BY item_id ORDER BY item_id`,
    { ws: workspaceId },
  );
  const snapshots = await store.query<Record<string, unknown>>(
    `SELECT * EXCEPT (workspace_id) FROM ${store.table(TABLES.itemSnapshots)} FINAL WHERE workspace_id = {ws:String} ORDER BY item_id`,
    { ws: workspaceId },
  );
  return { timelines, snapshots: snapshots.map(withSortedArrays) };
}

/**
 * A snapshot with each array column sorted: entries of one instant (a due date and a parent set
 * by the same change) keep no order of their own, in one workspace as in another.
 */
function withSortedArrays(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([column, value]) => [column, Array.isArray(value) ? value.map((v) => JSON.stringify(v)).sort() : value]));
}

const into = (events: readonly CanonicalEvent[], workspaceId: string): CanonicalEvent[] => events.map((e) => ({ ...e, workspaceId }) as CanonicalEvent);

describe('the projection writer on a batch larger than one step', () => {
  beforeAll(() => migrateClickHouse(store));
  afterAll(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('leaves the same timelines and snapshots as the same events written a few at a time', async () => {
    let largest = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(eventStreamArb, { minLength: 20, maxLength: 24 }), fc.nat(1000), async (streams, seed) => {
        const events = scrambled(streams.flat(), seed);
        fc.pre(events.length > 250); // two steps or more
        largest = Math.max(largest, events.length);
        const [whole, few] = [`ws-${randomUUID()}`, `ws-${randomUUID()}`];
        await writer.writeEvents(into(events, whole));
        const apart = into(events, few);
        for (let i = 0; i < apart.length; i += 60) await writer.writeEvents(apart.slice(i, i + 60));
        const expected = await projected(few);
        expect(expected.snapshots.length).toBeGreaterThan(0);
        expect(await projected(whole)).toEqual(expected);
      }),
      { numRuns: 3, endOnFailure: true },
    );
    expect(largest).toBeGreaterThan(250);
  });
});
