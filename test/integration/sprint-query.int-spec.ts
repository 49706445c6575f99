// SprintQuery on the real engine (chDB): a workspace with sprints answers what the reference
// implementation answers on the same events; one with no sprint event answers none, by its fast
// path (it skips the search for items ever in a sprint) — the same answer the full path gives.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClickHouseStore, migrateClickHouse } from '@flowlens/clickhouse';
import type { CanonicalEvent } from '@flowlens/contracts';
import { buildStageMapping, type MetricQueryContext, SprintQuery } from '@flowlens/metric-queries';
import { buildTimelines, computeSprintPredictability } from '@flowlens/metrics';
import { JIRA, jiraKan, kanSprint } from '@flowlens/metrics/testing';
import { ProjectionWriter } from '@flowlens/projections';

const dataDir = mkdtempSync(join(tmpdir(), 'flowlens-sprint-query-'));
const store = new ClickHouseStore({ user: 'default', password: '', database: 'flowlens_sprint_query', dataDir });
const NOW = '2024-06-19T12:00:00.000Z';
const QUERY = { from: '2024-06-01', to: '2024-06-30', timezone: 'UTC' };

const sprint = kanSprint;

/** Sprint 42 (closed) with three committed items, one done in it, one added mid-sprint; sprint 43 running. */
function history(): CanonicalEvent[] {
  const kan = jiraKan();
  const [a, b, c, d] = ['1', '2', '3', '4'].map((n) => kan.item(`1060${n}`, `KAN-6${n}`)) as [ReturnType<typeof kan.item>, ReturnType<typeof kan.item>, ReturnType<typeof kan.item>, ReturnType<typeof kan.item>];
  const { todo, inProgress, done } = JIRA;
  const in42 = { sprintIds: ['42'] };
  const span = { startAt: '2024-06-03T08:00:00.000Z', endAt: '2024-06-14T08:00:00.000Z' };
  return [
    kan.sprint('2024-05-31T10:00:00.000Z', 'SprintUpserted', sprint('42', {})),
    kan.sprint('2024-06-03T08:00:00.000Z', 'SprintStarted', sprint('42', { state: 'active', ...span })),
    kan.sprint('2024-06-14T16:00:00.000Z', 'SprintClosed', sprint('42', { state: 'closed', ...span, completeAt: '2024-06-14T16:00:00.000Z' })),
    kan.sprint('2024-06-17T08:00:00.000Z', 'SprintStarted', sprint('43', { state: 'active', startAt: '2024-06-17T08:00:00.000Z' })),
    a.created('2024-05-30T09:00:00.000Z', todo, in42),
    a.status('2024-06-04T09:00:00.000Z', todo, inProgress),
    a.status('2024-06-10T09:00:00.000Z', inProgress, done),
    b.created('2024-05-30T09:00:00.000Z', todo, in42),
    b.status('2024-06-05T09:00:00.000Z', todo, inProgress),
    c.created('2024-05-30T09:00:00.000Z', todo, in42),
    d.created('2024-05-30T09:00:00.000Z', todo),
    d.updated('2024-06-06T09:00:00.000Z', in42),
    d.updated('2024-06-18T09:00:00.000Z', { sprintIds: ['42', '43'] }),
  ];
}

const contextOf = (workspaceId: string, boardIds: string[] = []): MetricQueryContext => ({
  workspaceId,
  timezone: QUERY.timezone,
  asOf: Date.parse(NOW),
  pointInTime: false,
  from: QUERY.from,
  to: QUERY.to,
  boardIds,
  types: [],
  teams: [],
  stages: buildStageMapping([]),
  workflows: [],
});

describe('SprintQuery', () => {
  const withSprints = `ws-${randomUUID()}`;
  const withoutSprints = `ws-${randomUUID()}`;
  const events = history();
  const into = (workspaceId: string, list: CanonicalEvent[]) => list.map((e) => ({ ...e, workspaceId, eventId: randomUUID() }) as CanonicalEvent);

  beforeAll(async () => {
    await migrateClickHouse(store);
    const writer = new ProjectionWriter(store);
    await writer.writeEvents(into(withSprints, events));
    await writer.writeEvents(into(withoutSprints, events.filter((e) => !e.type.startsWith('Sprint'))));
  });
  afterAll(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers what the reference answers on the same events', async () => {
    const expected = computeSprintPredictability(buildTimelines(events, { asOf: NOW }), QUERY);
    expect(expected.map((s) => s.sprintId)).toEqual(['42', '43']);
    expect(await new SprintQuery(store).run(contextOf(withSprints))).toEqual(expected);
    expect(await new SprintQuery(store).run(contextOf(withSprints, ['NOPE']))).toEqual(computeSprintPredictability(buildTimelines(events, { asOf: NOW }), { ...QUERY, boardIds: ['NOPE'] }));
  });

  it('answers no sprints for a workspace with items in sprints but no sprint event', async () => {
    expect(computeSprintPredictability(buildTimelines(events.filter((e) => !e.type.startsWith('Sprint')), { asOf: NOW }), QUERY)).toEqual([]);
    expect(await new SprintQuery(store).run(contextOf(withoutSprints))).toEqual([]);
  });
});
