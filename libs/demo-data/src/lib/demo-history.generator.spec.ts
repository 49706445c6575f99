import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { normaliseJiraWebhook } from '@flowlens/connector-jira';
import { canonicalEventSchema, type CanonicalEvent } from '@flowlens/contracts';
import { FIRST_CHANGELOG_ID, generateDemoHistory } from './demo-history.generator';
import type { DemoHistory } from './demo-history.types';
import { canonicalEventsOf, normaliseAll, type NormalisedDelivery } from './testing/demo-events';

const NOW = Date.parse('2026-11-26T05:30:00.000Z');
const DAY = 86_400_000;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const bodies = (history: DemoHistory) => history.deliveries.map((delivery) => delivery.body as Json);
const ofEvent = (history: DemoHistory, webhookEvent: string) => bodies(history).filter((body) => body['webhookEvent'] === webhookEvent);
const jiraMs = (text: string) => Date.parse(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));

describe('generateDemoHistory', () => {
  let history: DemoHistory;
  let normalised: NormalisedDelivery[];
  let events: CanonicalEvent[];

  beforeAll(() => {
    history = generateDemoHistory({ now: NOW, seed: 1 });
    normalised = normaliseAll(history.deliveries, normaliseJiraWebhook);
    events = canonicalEventsOf(normalised);
  });

  it('produces deliveries the Jira connector turns into contract-valid events, none ignored', () => {
    expect(history.deliveries.length).toBeGreaterThan(1_000);
    const ignored = normalised.filter(({ result }) => result.kind === 'ignored');
    expect(ignored.map(({ result }) => (result.kind === 'ignored' ? result.reason : ''))).toEqual([]);
    for (const { result } of normalised) {
      expect(result.kind === 'events' && result.events.length).toBeGreaterThan(0);
    }
    expect(events.every((event) => canonicalEventSchema.safeParse(event).success)).toBe(true);
  });

  it('gives every canonical event its own id (downstream dedup would otherwise drop changes)', () => {
    expect(new Set(events.map((event) => event.eventId)).size).toBe(events.length);
  });

  it('orders deliveries strictly by occurredAt, which is the payload timestamp, inside the window', () => {
    const times = history.deliveries.map((delivery) => delivery.occurredAt);
    times.forEach((time, index) => {
      expect(time).toBe(history.deliveries[index]?.body['timestamp']);
      if (index > 0) expect(time).toBeGreaterThan(times[index - 1] ?? Infinity);
    });
    expect(Math.min(...times)).toBeGreaterThan(NOW - 120 * DAY);
    expect(Math.max(...times)).toBeLessThan(NOW);
    for (const event of events) {
      expect(Date.parse(event.occurredAt)).toBeGreaterThan(NOW - 120 * DAY);
      expect(Date.parse(event.occurredAt)).toBeLessThan(NOW);
    }
  });

  it('keeps issue dates consistent with the delivery timestamp, as Jira does', () => {
    for (const body of bodies(history).filter((candidate) => String(candidate['webhookEvent']).startsWith('jira:issue_'))) {
      const fields = body['issue'].fields;
      expect(fields.updated).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/);
      const lag = body['timestamp'] - jiraMs(fields.updated);
      expect(lag).toBeGreaterThanOrEqual(0);
      // A deleted issue is sent as it last was; every other delivery reports the change just made.
      if (body['webhookEvent'] !== 'jira:issue_deleted') expect(lag).toBeLessThan(1_000);
      expect(jiraMs(fields.created)).toBeLessThanOrEqual(jiraMs(fields.updated));
      if (body['webhookEvent'] === 'jira:issue_created') expect(fields.created).toBe(fields.updated);
    }
  });

  it('numbers issues from 10001 and changelogs from 20001, uniquely and in time order', () => {
    const created = ofEvent(history, 'jira:issue_created').map((body) => body['issue']);
    expect(created.map((issue) => Number(issue.id))).toEqual(created.map((_, index) => 10_001 + index));
    expect(new Set(created.map((issue) => issue.key)).size).toBe(created.length);
    const changelogIds = ofEvent(history, 'jira:issue_updated').map((body) => Number(body['changelog'].id));
    expect(changelogIds[0]).toBe(FIRST_CHANGELOG_ID);
    expect(changelogIds).toEqual(changelogIds.map((_, index) => FIRST_CHANGELOG_ID + index));
  });

  it('shapes issue payloads like the recorded Jira Cloud deliveries', () => {
    const fixturePath = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'jira', 'webhooks', 'cloud', 'issue-created.json');
    const fixture = JSON.parse(readFileSync(fixturePath, 'utf8')) as Json;
    const [created] = ofEvent(history, 'jira:issue_created');
    expect(Object.keys(created ?? {}).sort()).toEqual(Object.keys(fixture).sort());
    const ourKeys = Object.keys(created?.['issue'].fields ?? {});
    expect(ourKeys.filter((key) => !(key in fixture['issue'].fields))).toEqual([]);
    for (const key of ['project', 'issuetype', 'status', 'priority', 'assignee', 'reporter', 'labels', 'components', 'created', 'updated', 'customfield_10016', 'customfield_10020', 'customfield_10021']) {
      expect(ourKeys).toContain(key);
    }
    expect(created?.['issue'].fields.status.statusCategory.key).toBe('new');
    const update = ofEvent(history, 'jira:issue_updated')[0];
    expect(update?.['changelog'].items[0]).toEqual(expect.objectContaining({ field: expect.any(String), fieldtype: expect.any(String), fieldId: expect.any(String) }));
  });

  it('summarises what it delivered', () => {
    const { summary } = history;
    expect(summary.deliveries).toBe(history.deliveries.length);
    expect(Object.values(summary.byWebhookEvent).reduce((sum, count) => sum + count, 0)).toBe(summary.deliveries);
    expect(summary.issues).toBe(ofEvent(history, 'jira:issue_created').length);
    expect(summary.deleted).toBe(ofEvent(history, 'jira:issue_deleted').length);
    expect(summary.done + summary.inProgress + summary.notStarted + summary.deleted).toBe(summary.issues);
    expect(summary.sprintsClosed).toBe(ofEvent(history, 'sprint_closed').length);
    expect(summary.versionsReleased).toBe(ofEvent(history, 'jira:version_released').length);
    expect(summary.from).toBe(new Date(NOW - 120 * DAY).toISOString());
  });

  it('is deterministic for a seed and now, and differs for another seed', () => {
    expect(generateDemoHistory({ now: NOW, seed: 1 })).toEqual(history);
    const other = generateDemoHistory({ now: NOW, seed: 2 });
    expect(other.deliveries).not.toEqual(history.deliveries);
    expect(other.deliveries.map((delivery) => delivery.occurredAt)).not.toEqual(history.deliveries.map((delivery) => delivery.occurredAt));
  });

  it('generates scale 1 well under a second', () => {
    const started = performance.now();
    generateDemoHistory({ now: NOW, seed: 3 });
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('generateDemoHistory options', () => {
  it('scales the number of issues', () => {
    const issues = (scale: number) => generateDemoHistory({ now: NOW, seed: 5, scale }).summary.issues;
    const base = issues(1);
    expect(issues(0.25)).toBeGreaterThan(base * 0.15);
    expect(issues(0.25)).toBeLessThan(base * 0.35);
    expect(issues(2)).toBeGreaterThan(base * 1.7);
    expect(issues(2)).toBeLessThan(base * 2.3);
    expect(issues(0)).toBe(0);
  });

  it.each([7, 30, 365])('spreads a %i-day history over exactly that window, every delivery normalising', (days) => {
    const history = generateDemoHistory({ now: NOW, seed: 9, days, scale: 0.3 });
    const times = history.deliveries.map((delivery) => delivery.occurredAt);
    expect(Math.min(...times)).toBeGreaterThan(NOW - days * DAY);
    expect(Math.max(...times)).toBeLessThan(NOW);
    const normalised = normaliseAll(history.deliveries, normaliseJiraWebhook);
    expect(normalised.filter(({ result }) => result.kind === 'ignored')).toEqual([]);
    expect(canonicalEventsOf(normalised).length).toBeGreaterThan(history.deliveries.length);
  });

  it('holds for any now, seed, length and small scale: ordered, in the window, normalising, agile events in order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2021-01-01T00:00:00Z'), max: Date.parse('2031-01-01T00:00:00Z') }),
        fc.integer(),
        fc.integer({ min: 1, max: 400 }),
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        (now, seed, days, scale) => {
          const history = generateDemoHistory({ now, seed, days, scale });
          const times = history.deliveries.map((delivery) => delivery.occurredAt);
          times.forEach((time, index) => expect(time).toBeGreaterThan(index === 0 ? now - days * DAY : (times[index - 1] ?? Infinity)));
          expect(times.every((time) => time < now)).toBe(true);
          const normalised = normaliseAll(history.deliveries, normaliseJiraWebhook);
          expect(normalised.filter(({ result }) => result.kind === 'ignored')).toEqual([]);
          canonicalEventsOf(normalised);
          const lifecycle = (kind: 'sprint' | 'version', idOf: (body: Json) => string, order: readonly string[]) => {
            const seen = new Map<string, string[]>();
            for (const body of bodies(history).filter((candidate) => order.includes(String(candidate['webhookEvent'])))) {
              seen.set(idOf(body), [...(seen.get(idOf(body)) ?? []), String(body['webhookEvent'])]);
            }
            for (const [id, events] of seen) {
              expect({ kind, id, events }).toEqual({ kind, id, events: order.filter((event) => events.includes(event)) });
              expect(events[0]).toBe(order[0]);
            }
          };
          lifecycle('sprint', (body) => String(body['sprint'].id), ['sprint_created', 'sprint_updated', 'sprint_started', 'sprint_closed']);
          lifecycle('version', (body) => String(body['version'].id), ['jira:version_created', 'jira:version_updated', 'jira:version_released']);
        },
      ),
      { numRuns: 15 },
    );
  });

  it('delivers plain JSON: the bodies survive serialisation unchanged', () => {
    const history = generateDemoHistory({ now: NOW, seed: 4, scale: 0.2 });
    for (const delivery of history.deliveries) expect(JSON.parse(JSON.stringify(delivery.body))).toStrictEqual(delivery.body);
  });

  it('defaults to seed 1, 120 days and scale 1', () => {
    expect(generateDemoHistory({ now: NOW })).toEqual(generateDemoHistory({ now: NOW, seed: 1, days: 120, scale: 1 }));
  });

  it.each([
    [{ now: Number.NaN }],
    [{ now: NOW, seed: 1.5 }],
    [{ now: NOW, days: 0 }],
    [{ now: NOW, scale: -1 }],
    [{ now: NOW, scale: Number.POSITIVE_INFINITY }],
  ])('rejects %j', (options) => {
    expect(() => generateDemoHistory(options)).toThrow(RangeError);
  });
});
