import fc from 'fast-check';
import type { CanonicalEvent } from '@flowlens/contracts';
import { endOfLocalDay } from '../time/local-day.util';
import { computeAging } from './aging.oracle';
import { buildTimelines, type Timelines } from './build-timelines';
import { computeCfd } from './cfd.oracle';
import { computeCycleTime, computeLeadTime } from './elapsed-time.oracle';
import { eventStreamArb, RANDOM_NOW, RANDOM_QUERY, scrambled } from './fixtures/random-events.fixture';
import { computeFlowDistribution } from './flow-distribution.oracle';
import { computeFlowEfficiency } from './flow-efficiency.oracle';
import { computeFlowLoad } from './flow-load.oracle';
import { computeLittlesLaw } from './littles-law.oracle';
import type { MetricQuery } from './metric-query';
import { computeThroughput } from './throughput.oracle';
import { computeWip } from './wip.oracle';

const query: MetricQuery = RANDOM_QUERY;
const build = (events: CanonicalEvent[]) => buildTimelines(events, { now: RANDOM_NOW });

function everyFigure(timelines: Timelines, q: MetricQuery = query) {
  return {
    day: computeThroughput(timelines, q, 'day'),
    week: computeThroughput(timelines, q, 'week'),
    cycle: computeCycleTime(timelines, q),
    lead: computeLeadTime(timelines, q),
    wip: computeWip(timelines, q),
    aging: computeAging(timelines, q),
    cfd: computeCfd(timelines, q),
    efficiency: computeFlowEfficiency(timelines, q),
    distribution: computeFlowDistribution(timelines, q),
    load: computeFlowLoad(timelines, q),
    littles: computeLittlesLaw(timelines, q),
  };
}

describe('oracle properties over random event streams', () => {
  it('throughput summed over days or weeks equals the items done in the range', () => {
    fc.assert(
      fc.property(eventStreamArb, (events) => {
        const timelines = build(events);
        const done = computeCycleTime(timelines, query).count;
        const sum = (series: ReadonlyArray<{ count: number }>) => series.reduce((total, bucket) => total + bucket.count, 0);
        const day = computeThroughput(timelines, query, 'day');
        const week = computeThroughput(timelines, query, 'week');
        expect(sum(day.series)).toBe(done);
        expect(day.total).toBe(done);
        expect(sum(week.series)).toBe(done);
      }),
    );
  });

  it('CFD bands of a day add up to the live items created by its end', () => {
    fc.assert(
      fc.property(eventStreamArb, (events) => {
        const timelines = build(events);
        const cfd = computeCfd(timelines, query);
        for (const { date, counts } of cfd.series) {
          const end = endOfLocalDay(date, query.timezone);
          const live = timelines.items.filter((item) => !item.deleted && item.createdAt < end).length;
          expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(live);
        }
      }),
    );
  });

  it('WIP equals the active and wait bands of the CFD, and flow load and aging agree with it', () => {
    fc.assert(
      fc.property(eventStreamArb, (events) => {
        const timelines = build(events);
        const cfd = computeCfd(timelines, query);
        const inProgress = cfd.stages.filter((stage) => ['active', 'wait'].includes(cfd.categories[stage]));
        const fromCfd = cfd.series.map(({ counts }) => inProgress.reduce((sum, stage) => sum + counts[stage], 0));
        const wip = computeWip(timelines, query).series.map((day) => day.wip);
        expect(wip).toEqual(fromCfd);
        expect(computeFlowLoad(timelines, query).load).toBe(wip[wip.length - 1]);
        expect(computeAging(timelines, query).items).toHaveLength(wip[wip.length - 1]);
      }),
    );
  });

  it('no figure changes when events are shuffled and delivered several times', () => {
    fc.assert(
      fc.property(eventStreamArb, fc.integer(), (events, seed) => {
        expect(everyFigure(build(scrambled(events, seed)))).toEqual(everyFigure(build(events)));
      }),
      { numRuns: 50 },
    );
  });

  it('an asOf after every event answers like the full stream evaluated then', () => {
    fc.assert(
      fc.property(eventStreamArb, (events) => {
        // An empty stream has no latest event: any instant is after all of them.
        const instants = events.flatMap((event) => [Date.parse(event.occurredAt), Date.parse(event.receivedAt)]);
        const latest = new Date(instants.length === 0 ? Date.parse('2024-03-24T00:00:00.000Z') : Math.max(...instants)).toISOString();
        expect(everyFigure(buildTimelines(events, { asOf: latest }))).toEqual(everyFigure(buildTimelines(events, { now: latest })));
      }),
      { numRuns: 50 },
    );
  });

  it('an earlier asOf never knows of more items than a later one', () => {
    fc.assert(
      fc.property(eventStreamArb, fc.integer({ min: 0, max: 30 * 24 }), (events, hours) => {
        const asOf = new Date(Date.parse('2024-03-24T00:00:00.000Z') + hours * 3_600_000).toISOString();
        const known = (timelines: Timelines) => new Set(timelines.items.map((item) => item.itemId));
        const early = known(buildTimelines(events, { asOf }));
        const late = known(buildTimelines(events));
        expect([...early].every((id) => late.has(id))).toBe(true);
      }),
    );
  });

  it('keeps elapsed times consistent: lead >= cycle >= active + wait time', () => {
    fc.assert(
      fc.property(eventStreamArb, (events) => {
        const timelines = build(events);
        const cycle = computeCycleTime(timelines, query);
        const lead = computeLeadTime(timelines, query);
        cycle.items.forEach((item, i) => {
          expect(lead.items[i].itemKey).toBe(item.itemKey);
          expect(lead.items[i].days).toBeGreaterThanOrEqual(item.days);
          expect(item.days).toBeGreaterThanOrEqual(0);
        });
        const { activeDays, waitDays, efficiency } = computeFlowEfficiency(timelines, query);
        const totalCycle = cycle.items.reduce((sum, item) => sum + item.days, 0);
        expect(activeDays + waitDays).toBeLessThanOrEqual(totalCycle + 1e-9);
        if (efficiency !== null) expect(efficiency >= 0 && efficiency <= 1).toBe(true);
      }),
    );
  });
});
