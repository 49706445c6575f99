import { deterministicEventId } from '@flowlens/contracts';
import { DC_SETTINGS, eventsOf, jiraFixture, mutableFixture, testContext } from '../testing/jira-fixtures';
import { normaliseJiraWebhook } from './jira-webhook.normaliser';

const normalise = (path: string, settings = {}) => eventsOf(normaliseJiraWebhook(jiraFixture(`webhooks/${path}`), testContext(settings)));

describe('sprint webhooks', () => {
  it('maps created/updated to SprintUpserted, started to SprintStarted, closed to SprintClosed', () => {
    const types = ['sprint-created', 'sprint-updated', 'sprint-started', 'sprint-closed'].map((name) => normalise(`cloud/${name}`)[0]?.type);
    expect(types).toEqual(['SprintUpserted', 'SprintUpserted', 'SprintStarted', 'SprintClosed']);
  });

  it('carries the sprint with UTC instants and no board or item', () => {
    const [closed] = normalise('cloud/sprint-closed');
    expect(closed).toMatchObject({
      eventId: deterministicEventId('ws-acme', 'jira', 'sprint', '39', 'closed'),
      sourceEventId: 'sprint:39:sprint_closed',
      occurredAt: '2024-02-05T10:15:30.000Z',
      boardId: null,
      itemId: null,
      itemKey: null,
      payload: {
        sprintId: '39',
        name: 'KAN Sprint 6',
        state: 'closed',
        startAt: '2024-01-22T09:01:43.000Z',
        endAt: '2024-02-05T09:00:00.000Z',
        completeAt: '2024-02-05T10:15:29.512Z',
        goal: 'Back-fill from Jira Cloud',
      },
    });
  });

  it('reads Data Center sprints: upper-case state, offset dates, a name with a comma', () => {
    const [started] = normalise('data-center/sprint-started', DC_SETTINGS);
    expect(started?.payload).toEqual({
      sprintId: '212',
      name: 'PLAT Sprint 14, hardening',
      state: 'active',
      startAt: '2024-02-05T08:00:00.000Z',
      endAt: '2024-02-19T08:00:00.000Z',
      completeAt: null,
      goal: null,
    });
  });

  it('identifies an upsert by event time and state: retries collapse, a return to an earlier state does not', () => {
    const updated = normalise('cloud/sprint-updated')[0];
    expect(normalise('cloud/sprint-updated')[0]?.eventId).toBe(updated?.eventId);
    expect(normalise('cloud/sprint-created')[0]?.eventId).not.toBe(updated?.eventId);
    const sameStateLater = mutableFixture('webhooks/cloud/sprint-updated');
    sameStateLater['timestamp'] += 60_000;
    expect(eventsOf(normaliseJiraWebhook(sameStateLater, testContext()))[0]?.eventId).not.toBe(updated?.eventId);
  });

  it('implies the state from the event when the sprint omits it', () => {
    const body = mutableFixture('webhooks/cloud/sprint-started');
    delete body['sprint'].state;
    expect(eventsOf(normaliseJiraWebhook(body, testContext()))[0]?.payload).toMatchObject({ state: 'active' });
  });

  it.each(['normalisation-sprint-without-id', 'normalisation-sprint-unknown-state'])('dead-letters not-ok/%s', (name) => {
    expect(() => normaliseJiraWebhook(jiraFixture(`webhooks/not-ok/${name}`), testContext())).toThrow(
      expect.objectContaining({ name: 'NormalisationError' }),
    );
  });
});

describe('project webhooks', () => {
  it('maps created and updated to ProjectUpserted keyed by the project key', () => {
    expect(normalise('cloud/project-updated')).toEqual([
      expect.objectContaining({
        type: 'ProjectUpserted',
        boardId: 'OPS',
        occurredAt: '2024-01-12T15:45:10.250Z',
        payload: { projectId: '10001', key: 'OPS', name: 'Platform Operations' },
      }),
    ]);
    expect(normalise('data-center/project-created', DC_SETTINGS)[0]?.payload).toEqual({ projectId: '10300', key: 'PLAT', name: 'Platform' });
  });

  it('dead-letters a project without a key', () => {
    expect(() => normaliseJiraWebhook(jiraFixture('webhooks/not-ok/normalisation-project-without-key'), testContext())).toThrow(
      expect.objectContaining({ name: 'NormalisationError' }),
    );
  });
});

describe('version webhooks', () => {
  it.each([
    ['version-created', { released: false, releaseDate: '2024-03-11' }],
    ['version-updated', { released: false, releaseDate: '2024-03-18' }],
    ['version-released', { released: true, releaseDate: '2024-03-18' }],
    ['version-unreleased', { released: false, releaseDate: '2024-03-18' }],
  ])('%s -> ReleaseUpserted', (name, expected) => {
    const [event] = normalise(`cloud/${name}`);
    expect(event).toMatchObject({ type: 'ReleaseUpserted', boardId: null, payload: { releaseId: '10011', name: '1.5.0', archived: false, ...expected } });
  });

  it('uses a project key when the payload has one', () => {
    const body = mutableFixture('webhooks/data-center/version-released');
    body['version'].projectKey = 'PLAT';
    expect(eventsOf(normaliseJiraWebhook(body, testContext()))[0]?.boardId).toBe('PLAT');
  });
});
