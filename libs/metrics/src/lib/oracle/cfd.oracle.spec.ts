import { buildTimelines } from './build-timelines';
import { computeCfd } from './cfd.oracle';
import { JIRA, jiraKan } from './fixtures/canonical-events.fixture';
import { BERLIN_NOW, BERLIN_QUERY, berlinFortnight } from './fixtures/berlin-fortnight.fixture';
import { NEW_YORK_NOW, NEW_YORK_QUERY, newYorkCards } from './fixtures/new-york-cards.fixture';
import { computeThroughput } from './throughput.oracle';
import { computeWip } from './wip.oracle';

const row = (todo: number, progress: number, done: number) => ({ 'To Do': todo, 'In Progress': progress, Done: done, Removed: 0 });

describe('computeCfd (Berlin fortnight, default map)', () => {
  it('counts items per stage at the end of each local day', () => {
    const result = computeCfd(buildTimelines(berlinFortnight(), { now: BERLIN_NOW }), BERLIN_QUERY);
    expect(result.stages).toEqual(['To Do', 'In Progress', 'Done', 'Removed']);
    expect(result.categories).toEqual({ 'To Do': 'backlog', 'In Progress': 'active', Done: 'done', Removed: 'removed' });
    // Live items: KAN-1..6, 8..11 (KAN-7 deleted). KAN-9 is Done from 24 March.
    expect(result.series).toEqual([
      { date: '2024-03-25', counts: row(1, 1, 1) }, // KAN-2 | KAN-1 | KAN-9
      { date: '2024-03-26', counts: row(2, 2, 1) }, // KAN-3, KAN-4 | KAN-1, KAN-2 | KAN-9
      { date: '2024-03-27', counts: row(2, 2, 2) }, // | KAN-2, KAN-8 | KAN-1, KAN-9
      { date: '2024-03-28', counts: row(2, 1, 3) }, // | KAN-8 | KAN-1, KAN-2, KAN-9
      { date: '2024-03-29', counts: row(2, 3, 2) }, // | KAN-2 reopened, KAN-6, KAN-8 | KAN-1, KAN-9
      { date: '2024-03-30', counts: row(1, 3, 3) }, // KAN-4 | ... | + KAN-3 (22:30Z < 23:00Z)
      { date: '2024-03-31', counts: row(1, 3, 4) }, // + KAN-5 (21:30Z); KAN-6 still in progress at 22:00Z
      { date: '2024-04-01', counts: row(1, 4, 5) }, // KAN-2, KAN-8, KAN-10, KAN-11 | + KAN-6
      { date: '2024-04-02', counts: row(1, 3, 6) }, // + KAN-2
      { date: '2024-04-03', counts: row(1, 2, 7) }, // + KAN-8
      { date: '2024-04-04', counts: row(1, 2, 7) },
      { date: '2024-04-05', counts: row(1, 2, 7) },
      { date: '2024-04-06', counts: row(1, 2, 7) },
      { date: '2024-04-07', counts: row(1, 1, 8) }, // + KAN-10; KAN-11 done only on 8 April
    ]);
  });
});

describe('computeCfd (New York Trello cards: archived, removed, 25-hour day)', () => {
  const timelines = () => buildTimelines(newYorkCards(), { now: NEW_YORK_NOW });

  it('keeps the board list order, adds the Removed band and treats a card removed now as removed all along', () => {
    const result = computeCfd(timelines(), NEW_YORK_QUERY);
    expect(result.stages).toEqual(['Backlog', 'Doing', 'Code Review', 'Done', 'Removed']);
    const counts = (backlog: number, doing: number, review: number, done: number, removed: number) => ({
      Backlog: backlog,
      Doing: doing,
      'Code Review': review,
      Done: done,
      Removed: removed,
    });
    expect(result.series).toEqual([
      // c1 Doing, c2 Removed (archived now, so removed since creation), c3 Backlog, c4 Doing
      { date: '2024-11-01', counts: counts(1, 2, 0, 0, 1) },
      // c1 Code Review, c3 Done, c4 archived at 12:00Z (Removed until unarchived)
      { date: '2024-11-02', counts: counts(0, 0, 1, 1, 2) },
      // c1 Done at 04:30Z, before the 25-hour day ends at 11-04T05:00Z
      { date: '2024-11-03', counts: counts(0, 0, 0, 2, 2) },
      // c4 unarchived into Doing; c3 archived in Done stays Done
      { date: '2024-11-04', counts: counts(0, 1, 0, 2, 1) },
      { date: '2024-11-05', counts: counts(0, 1, 0, 2, 1) },
    ]);
  });

  it('agrees with WIP and throughput', () => {
    // WIP = Doing + Code Review: 2, 1, 0, 1, 1
    expect(computeWip(timelines(), NEW_YORK_QUERY).series.map((day) => day.wip)).toEqual([2, 1, 0, 1, 1]);
    // c3 done 11-02T16:00Z (noon EDT, 2 Nov); c1 done 23:30 EST on 3 Nov; c2 never done
    const throughput = computeThroughput(timelines(), NEW_YORK_QUERY, 'day');
    expect(throughput.series.map((day) => day.count)).toEqual([0, 1, 1, 0, 0]);
    // weeks: Mon 28 Oct (window days 1-3 Nov) holds both; Mon 4 Nov none
    expect(computeThroughput(timelines(), NEW_YORK_QUERY, 'week').series).toEqual([
      { start: '2024-10-28', count: 2 },
      { start: '2024-11-04', count: 0 },
    ]);
  });
});

describe('computeCfd with workflow maps', () => {
  it('names and orders bands after the saved map, and merges statuses mapped to one stage', () => {
    const map = {
      boardId: 'KAN',
      stages: [
        { name: 'Backlog', category: 'backlog' as const, statuses: ['10000'] },
        { name: 'Building', category: 'active' as const, statuses: ['In Progress'] },
        { name: 'Shipped', category: 'done' as const, statuses: ['10001'] },
      ],
    };
    const result = computeCfd(buildTimelines(berlinFortnight(), { now: BERLIN_NOW }), { ...BERLIN_QUERY, workflows: [map] });
    expect(result.stages).toEqual(['Backlog', 'Building', 'Shipped', 'Removed']);
    expect(result.series[13]).toEqual({ date: '2024-04-07', counts: { Backlog: 1, Building: 1, Shipped: 8, Removed: 0 } });
  });

  it('takes the union of several boards, grouped by category, with the item moved between boards', () => {
    const kan = jiraKan();
    const ops = { ...JIRA.inProgress, id: '20003', name: 'Implementing' };
    const moving = kan.item('10301', 'KAN-31');
    const staying = kan.item('10302', 'KAN-32');
    const events = [
      moving.created('2024-05-06T08:00:00.000Z', JIRA.inProgress),
      moving.moved('2024-05-07T08:00:00.000Z', 'OPS', 'OPS-3'),
      moving.status('2024-05-07T08:00:00.000Z', JIRA.inProgress, ops, { sequence: 1 }),
      staying.created('2024-05-06T09:00:00.000Z', JIRA.todo),
    ];
    const result = computeCfd(buildTimelines(events), {
      from: '2024-05-06',
      to: '2024-05-07',
      timezone: 'UTC',
      workflows: [{ boardId: 'OPS', stages: [{ name: 'Build', category: 'active', statuses: ['Implementing'] }] }],
    });
    // KAN's default map (To Do, In Progress) then OPS's map (Build): backlog band first,
    // then both active bands in board order, then Removed
    expect(result.stages).toEqual(['To Do', 'In Progress', 'Build', 'Removed']);
    expect(result.series).toEqual([
      { date: '2024-05-06', counts: { 'To Do': 1, 'In Progress': 1, Build: 0, Removed: 0 } },
      { date: '2024-05-07', counts: { 'To Do': 1, 'In Progress': 0, Build: 1, Removed: 0 } },
    ]);
    // filtered to OPS, the moved item's history on KAN still shows in its KAN stage
    const ops6 = computeCfd(buildTimelines(events), { from: '2024-05-06', to: '2024-05-06', timezone: 'UTC', boardIds: ['OPS'] });
    expect(ops6.series[0].counts).toEqual({ 'To Do': 0, 'In Progress': 1, Implementing: 0, Removed: 0 });
  });
});
