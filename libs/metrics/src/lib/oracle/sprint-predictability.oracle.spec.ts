import { buildTimelines } from './build-timelines';
import { JIRA, jiraKan, kanSprint } from './fixtures/canonical-events.fixture';
import { computeSprintPredictability } from './sprint-predictability.oracle';

const sprint = kanSprint;

/**
 * Sprint 42 runs 2024-06-03T08:00Z .. completed 2024-06-14T16:00Z.
 * S-1 in the sprint before start, done 06-10        -> committed, completed
 * S-2 in before start, still in progress at close   -> committed
 * S-3 in before start, done exactly at completeAt   -> committed, completed (inclusive)
 * S-4 in before start, done 1 ms after completeAt   -> committed
 * S-5 added 06-05, done 06-12                       -> scope added (not in the ratio)
 * S-6 in before start, taken out 06-07              -> committed, removed
 * S-7 added exactly at the start instant, done 06-13 -> committed, completed
 * S-8 in before start but deleted                   -> nowhere
 */
function sprintEvents() {
  const kan = jiraKan();
  const s42 = { sprintIds: ['42'] };
  const items = Array.from({ length: 8 }, (_, i) => kan.item(`1050${i + 1}`, `KAN-${50 + i + 1}`));
  const [s1, s2, s3, s4, s5, s6, s7, s8] = items;
  const { todo, inProgress: ip, done } = JIRA;
  return [
    kan.sprint('2024-05-31T10:00:00.000Z', 'SprintUpserted', sprint('42', {})),
    kan.sprint('2024-06-03T08:00:00.000Z', 'SprintStarted', sprint('42', { state: 'active', startAt: '2024-06-03T08:00:00.000Z', endAt: '2024-06-14T08:00:00.000Z' })),
    kan.sprint('2024-06-14T16:00:00.000Z', 'SprintClosed', sprint('42', { state: 'closed', startAt: '2024-06-03T08:00:00.000Z', endAt: '2024-06-14T08:00:00.000Z', completeAt: '2024-06-14T16:00:00.000Z' })),
    kan.sprint('2024-06-17T08:00:00.000Z', 'SprintStarted', sprint('43', { state: 'active', startAt: '2024-06-17T08:00:00.000Z' })),
    kan.sprint('2024-05-31T16:00:00.000Z', 'SprintClosed', sprint('41', { state: 'closed', startAt: '2024-05-20T08:00:00.000Z', completeAt: '2024-05-31T16:00:00.000Z' })),
    kan.sprint('2024-06-14T17:00:00.000Z', 'SprintUpserted', sprint('44', { startAt: '2024-06-24T08:00:00.000Z' })),
    s1.created('2024-05-30T09:00:00.000Z', todo, s42),
    s1.status('2024-06-04T09:00:00.000Z', todo, ip),
    s1.status('2024-06-10T09:00:00.000Z', ip, done),
    s2.created('2024-05-30T09:00:00.000Z', todo, s42),
    s2.status('2024-06-04T09:00:00.000Z', todo, ip),
    s3.created('2024-05-30T09:00:00.000Z', ip, s42),
    s3.status('2024-06-14T16:00:00.000Z', ip, done),
    s4.created('2024-05-30T09:00:00.000Z', ip, s42),
    s4.status('2024-06-14T16:00:00.001Z', ip, done),
    s5.created('2024-05-30T09:00:00.000Z', todo),
    s5.updated('2024-06-05T09:00:00.000Z', s42),
    s5.status('2024-06-12T09:00:00.000Z', todo, done),
    s6.created('2024-05-30T09:00:00.000Z', todo, s42),
    s6.updated('2024-06-07T09:00:00.000Z', { sprintIds: [] }),
    s7.created('2024-05-30T09:00:00.000Z', todo),
    s7.updated('2024-06-03T08:00:00.000Z', s42),
    s7.status('2024-06-13T09:00:00.000Z', todo, done),
    s8.created('2024-05-30T09:00:00.000Z', todo, s42),
    s8.deleted('2024-06-05T09:00:00.000Z'),
    // S-2 also joins the next sprint after the close (Jira keeps the closed sprint in the field)
    s2.updated('2024-06-17T07:00:00.000Z', { sprintIds: ['42', '43'] }),
  ];
}

describe('computeSprintPredictability', () => {
  const query = { from: '2024-06-01', to: '2024-06-30', timezone: 'UTC' };

  it('divides committed items done at close by items committed at start; scope changes apart', () => {
    const [s42] = computeSprintPredictability(buildTimelines(sprintEvents(), { now: '2024-06-19T12:00:00.000Z' }), query);
    // committed S-1, S-2, S-3, S-4, S-6, S-7 = 6; completed S-1, S-3, S-7 = 3 -> 0.5
    expect(s42).toEqual({
      sprintId: '42',
      name: 'KAN Sprint 42',
      state: 'closed',
      startAt: '2024-06-03T08:00:00.000Z',
      completeAt: '2024-06-14T16:00:00.000Z',
      committed: 6,
      completed: 3,
      predictability: 0.5,
      added: 1,
      removed: 1,
      committedKeys: ['KAN-51', 'KAN-52', 'KAN-53', 'KAN-54', 'KAN-56', 'KAN-57'],
      completedKeys: ['KAN-51', 'KAN-53', 'KAN-57'],
      addedKeys: ['KAN-55'],
      removedKeys: ['KAN-56'],
    });
  });

  it('reports an open sprint as of the evaluation instant and skips sprints outside the window or not started', () => {
    const result = computeSprintPredictability(buildTimelines(sprintEvents(), { now: '2024-06-19T12:00:00.000Z' }), query);
    // 41 closed on 31 May (before the window); 44 has a planned start but is still a future sprint
    expect(result.map((s) => s.sprintId)).toEqual(['42', '43']);
    // 43: S-2 joined an hour before its start; nothing done yet
    expect(result[1]).toMatchObject({ completeAt: null, committed: 1, completed: 0, predictability: 0, added: 0 });
  });

  it('gives null predictability when nothing was committed', () => {
    const kan = jiraKan();
    const events = [
      kan.sprint('2024-06-03T08:00:00.000Z', 'SprintStarted', sprint('50', { state: 'active', startAt: '2024-06-03T08:00:00.000Z' })),
    ];
    const [s50] = computeSprintPredictability(buildTimelines(events), query);
    expect(s50).toMatchObject({ committed: 0, completed: 0, predictability: null });
  });
});
