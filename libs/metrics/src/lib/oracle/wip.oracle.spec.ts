import { buildTimelines } from './build-timelines';
import { BERLIN_NOW, BERLIN_QUERY, berlinFortnight } from './fixtures/berlin-fortnight.fixture';
import { computeFlowLoad } from './flow-load.oracle';
import { computeWip } from './wip.oracle';

const timelines = () => buildTimelines(berlinFortnight(), { now: BERLIN_NOW });

describe('computeWip (Berlin fortnight)', () => {
  it('counts items in active or wait at the end of each local day', () => {
    // In Progress spans (Z): KAN-1 25/08:00-27/14:00; KAN-2 26/09:00-28/09:00 and 29/09:00-02/09:00;
    // KAN-6 29/10:00-31/22:30; KAN-8 27/10:00-03/16:00; KAN-10 01/10:00-07/21:59:59.999;
    // KAN-11 01/10:00-07/22:00 (its Done is the first instant of 8 April, so 7 April still holds it).
    // KAN-6 is still in progress at the end of 31 March (22:00Z) since it is done at 22:30Z.
    // KAN-7 is deleted; KAN-8 counts on 4 April too, as deletion is judged now (restored).
    expect(computeWip(timelines(), BERLIN_QUERY).series).toEqual([
      { date: '2024-03-25', wip: 1 }, // KAN-1
      { date: '2024-03-26', wip: 2 }, // KAN-1, KAN-2
      { date: '2024-03-27', wip: 2 }, // KAN-2, KAN-8
      { date: '2024-03-28', wip: 1 }, // KAN-8 (KAN-2 done for a day)
      { date: '2024-03-29', wip: 3 }, // KAN-2, KAN-6, KAN-8
      { date: '2024-03-30', wip: 3 },
      { date: '2024-03-31', wip: 3 },
      { date: '2024-04-01', wip: 4 }, // KAN-2, KAN-8, KAN-10, KAN-11
      { date: '2024-04-02', wip: 3 }, // KAN-8, KAN-10, KAN-11
      { date: '2024-04-03', wip: 2 }, // KAN-10, KAN-11
      { date: '2024-04-04', wip: 2 },
      { date: '2024-04-05', wip: 2 },
      { date: '2024-04-06', wip: 2 },
      { date: '2024-04-07', wip: 1 }, // KAN-11
    ]);
  });

  it('gives flow load as WIP at the end of `to`', () => {
    expect(computeFlowLoad(timelines(), BERLIN_QUERY)).toEqual({ date: '2024-04-07', load: 1 });
    expect(computeFlowLoad(timelines(), { ...BERLIN_QUERY, to: '2024-04-01' })).toEqual({ date: '2024-04-01', load: 4 });
  });
});
