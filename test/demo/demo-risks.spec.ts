// The seeded demo workspace must show a few risks of each kind (issue 13): its Jira history plus
// the risk overlay, through the Jira normaliser, read by the in-memory risk reference.
import { normaliseJiraWebhook } from '@flowlens/connector-jira';
import { canonicalEventSchema, type CanonicalEvent } from '@flowlens/contracts';
import { demoRiskDeliveries, generateDemoHistory } from '@flowlens/demo-data';
import { computeConcentration, computeDependencies, computeEpicForecasts, computeItemRisks, computeReleaseForecasts, riskInputOf } from '@flowlens/metrics';

const NOW = Date.parse('2026-11-26T05:30:00.000Z');

describe('the demo workspace has risks of each kind', () => {
  const history = generateDemoHistory({ now: NOW });
  const events: CanonicalEvent[] = [...history.deliveries, ...demoRiskDeliveries(history, NOW)].flatMap((delivery) => {
    const result = normaliseJiraWebhook(delivery.body, { workspaceId: 'ws-demo', connectorId: 'conn-demo', receivedAt: new Date(delivery.occurredAt).toISOString(), settings: {} });
    return result.kind === 'events' ? result.events.map((event) => canonicalEventSchema.parse(event)) : [];
  });
  const input = riskInputOf(events, { at: new Date(NOW).toISOString(), pointInTime: false, timezone: 'Europe/London' });

  it('aging, blocked, due-date and dependency signals on items', () => {
    const { items } = computeItemRisks(input, { boardIds: [] });
    const count = (signal: string) => items.filter((item) => item.signals.includes(signal as never)).length;
    expect(count('aging')).toBeGreaterThan(0);
    expect(count('blocked')).toBeGreaterThan(0);
    expect(count('due-date')).toBeGreaterThan(0);
    expect(count('dependency')).toBeGreaterThanOrEqual(3);
  });

  it('cross-board dependencies, and the one same-board link removed again', () => {
    const dependencies = computeDependencies(input, []);
    expect(dependencies.some((d) => d.crossTeam && d.open)).toBe(true);
    expect(dependencies.some((d) => !d.crossTeam)).toBe(false);
  });

  it('open releases, one at risk, and two epics with due dates spanning boards', () => {
    const options = { boardIds: [], threshold: 0.7, trials: 500, seed: 1, window: 90 };
    const releases = computeReleaseForecasts(input, options);
    expect(releases.length).toBeGreaterThan(0);
    expect(releases.filter((release) => release.atRisk).map((release) => release.name)).toEqual(['WEB hardening']);
    const epics = computeEpicForecasts(input, options);
    expect(epics.map((epic) => epic.dueDate !== null && epic.remaining > 0)).toEqual([true, true]);
    expect(epics.some((epic) => epic.boardIds.length === 2)).toBe(true);
  });

  it('a board whose work one person carries (concentration over the last 90 days), and only that one', () => {
    const concentration = computeConcentration(input.items, [], NOW - 90 * 86_400_000, NOW + 1);
    expect(concentration.filter((board) => board.flagged).map((board) => board.boardId)).toEqual(['OPS']);
  });
});
