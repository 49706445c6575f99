// Connecting Flowlens to boards already under way: whatever event of an item comes first (a
// comment, a status change, a creation), the item is known with its current state, and items whose
// whole history is seen get exactly the history they had without observations.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { CanonicalEvent, NormalisationContext } from '@flowlens/contracts';
import { normaliseJiraWebhook } from '@flowlens/connector-jira';
import { TrelloWebhookConnector } from '@flowlens/connector-trello';
import { buildTimelines, type ItemTimeline } from '@flowlens/metrics';
import { SeededRandom } from '../support/seeded-random';
import { issueCommented, issueCreated, issueTransitioned, type JiraStatusName } from '../support/jira-webhooks';

const HOUR = 3_600_000;
const ORIGIN = Date.parse('2024-05-06T08:00:00.000Z');
const STATUSES: readonly JiraStatusName[] = ['To Do', 'In Progress', 'Done'];
const TRELLO_LISTS = [
  { id: '651a7885c4d5e6f708192a41', name: 'To Do' },
  { id: '651a7885c4d5e6f708192a42', name: 'In Progress' },
  { id: '651a7885c4d5e6f708192a43', name: 'Done' },
] as const;

type Step = { readonly kind: 'move'; readonly to: number } | { readonly kind: 'comment' };
interface Plan {
  readonly trello: boolean;
  readonly type: 'Story' | 'Bug';
  readonly steps: readonly Step[];
}

const planArb: fc.Arbitrary<Plan> = fc.record({
  trello: fc.boolean(),
  type: fc.constantFrom('Story' as const, 'Bug' as const),
  steps: fc.array(fc.oneof(fc.record({ kind: fc.constant('move' as const), to: fc.nat(2) }), fc.constant({ kind: 'comment' as const })), { maxLength: 6 }),
});

interface Delivery {
  readonly at: number;
  readonly itemId: string;
  readonly body: unknown;
  readonly trello: boolean;
}

type Json = Record<string, unknown>;
const trelloFixture = (name: string): Json =>
  JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'trello', 'webhooks', `${name}.json`), 'utf8')) as Json;

/** A recorded Trello delivery re-aimed at card `n`, at `at`, with `data` merged in. */
function trelloAction(name: string, n: number, at: number, data: Json): Json {
  const body = trelloFixture(name);
  const action = body['action'] as Json;
  const card = { ...((action['data'] as Json)['card'] as Json), id: `card${String(n).padStart(20, '0')}`, shortLink: `c${n}`, name: `Card ${n}` };
  action['id'] = `${name}-${n}-${at}`;
  action['date'] = new Date(at).toISOString();
  action['data'] = { ...(action['data'] as Json), card, ...data };
  return body;
}

/** Item n's deliveries, as Jira or Trello would send them, with its final status. */
function deliveriesOf(plan: Plan, n: number): { deliveries: Delivery[]; final: number } {
  const at = (k: number) => ORIGIN + (n * 7 + k * 11) * HOUR;
  let status = 0;
  const itemId = plan.trello ? `card${String(n).padStart(20, '0')}` : String(20000 + n);
  const list: Delivery[] = [];
  const push = (k: number, body: unknown) => list.push({ at: at(k), itemId, body, trello: plan.trello });
  if (plan.trello) push(0, trelloAction('create-card', n, at(0), { list: TRELLO_LISTS[status] }));
  else push(0, issueCreated(n, at(0), { type: plan.type }));
  plan.steps.forEach((step, index) => {
    const k = index + 1;
    if (step.kind === 'comment') {
      if (plan.trello) push(k, trelloAction('comment-card', n, at(k), { list: TRELLO_LISTS[status] }));
      else push(k, issueCommented(n, at(k), STATUSES[status] ?? 'To Do', { type: plan.type }));
    } else if (step.to !== status) {
      if (plan.trello) push(k, trelloAction('update-card-moved-list', n, at(k), { listBefore: TRELLO_LISTS[status], listAfter: TRELLO_LISTS[step.to], old: { idList: TRELLO_LISTS[status]?.id } }));
      else push(k, { ...issueTransitioned(n, at(k), STATUSES[status] ?? 'To Do', STATUSES[step.to] ?? 'To Do', 90000 + n * 100 + k, { type: plan.type }) });
      status = step.to;
    }
  });
  return { deliveries: list, final: status };
}

function shuffled<T>(list: T[], random: SeededRandom): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [list[i], list[j]] = [list[j] as T, list[i] as T];
  }
  return list;
}

const ctx: NormalisationContext = { workspaceId: 'ws-mid', connectorId: 'conn-mid', receivedAt: '2024-07-01T00:00:00.000Z', settings: {} };
const trello = new TrelloWebhookConnector();

function normalise(delivery: Delivery): CanonicalEvent[] {
  const result = delivery.trello ? trello.normalise(delivery.body, ctx) : normaliseJiraWebhook(delivery.body, ctx);
  return result.kind === 'events' ? result.events : [];
}

const lastStatus = (item: ItemTimeline | undefined) => item?.snapshots.at(-1)?.status?.name;
/** The item's states in time, each once: a snapshot equal to the one before it changes no figure. */
const historyOf = (item: ItemTimeline) => ({
  createdAt: item.createdAt,
  boardId: item.boardId,
  fields: item.fields,
  runs: item.snapshots.filter((snapshot, i) => {
    const previous = item.snapshots[i - 1];
    return !previous || JSON.stringify({ ...previous, at: 0 }) !== JSON.stringify({ ...snapshot, at: 0 });
  }),
});

describe('a stream that starts at any point', () => {
  const streamArb = fc
    .array(planArb, { minLength: 1, maxLength: 6 })
    .map((plans) => plans.map((plan, n) => ({ plan, ...deliveriesOf(plan, n + 1) })));

  it('gives every item touched, in its current status and (Jira) type, in any order and with re-deliveries', () => {
    fc.assert(
      fc.property(streamArb, fc.nat(), fc.nat(), (items, cut, shuffleSeed) => {
        const stream = items.flatMap((item) => item.deliveries).sort((a, b) => a.at - b.at);
        const from = cut % stream.length;
        const seen = stream.slice(from);
        // Arrival order is not source order, and sources retry.
        const random = new SeededRandom(shuffleSeed);
        const arrived = shuffled([...seen, ...seen.filter(() => random.chance(0.3))], random);
        const timelines = buildTimelines(arrived.flatMap(normalise));
        const byId = new Map(timelines.items.map((item) => [item.itemId, item]));
        for (const item of items) {
          const touched = seen.some((delivery) => delivery.itemId === item.deliveries[0]?.itemId);
          const timeline = byId.get(item.deliveries[0]?.itemId ?? '');
          if (!touched) {
            expect(timeline).toBeUndefined();
            continue;
          }
          expect(lastStatus(timeline)).toBe(STATUSES[item.final]);
          if (!item.plan.trello) expect(timeline?.fields.type).toBe(item.plan.type);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('leaves the history of an item seen from its creation exactly as it is without observations', () => {
    fc.assert(
      fc.property(streamArb, (items) => {
        const events = items.flatMap((item) => item.deliveries).flatMap(normalise);
        const withObservations = buildTimelines(events).items.map(historyOf);
        const without = buildTimelines(events.filter((event) => event.type !== 'WorkItemObserved')).items.map(historyOf);
        expect(withObservations).toEqual(without);
        expect(events.some((event) => event.type === 'WorkItemObserved')).toBe(items.some((item) => item.deliveries.length > 1));
      }),
      { numRuns: 100 },
    );
  });
});
