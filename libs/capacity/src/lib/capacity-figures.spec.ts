import { capacityFigures, estimateFigures } from './capacity-figures';

describe('capacity figures', () => {
  // Thu 2024-03-28 .. Wed 2024-04-03: the week buckets stick out of the window on both sides.
  const days = {
    dates: ['2024-03-28', '2024-03-29', '2024-03-30', '2024-03-31', '2024-04-01', '2024-04-02', '2024-04-03'],
    capacity: [2, 2, 0, 0, 2, 2, 0],
    arrivals: [1, 0, 0, 0, 3, 1, 0],
    created: [2, 1, 0, 1, 0, 0, 0],
    throughput: [0, 2, 0, 0, 1, 0, 1],
    wip: [4, 2, 2, 2, 4, 5, 4],
    backlog: 7,
  };

  it('sums the week buckets over their days inside the window', () => {
    const f = capacityFigures(days, 'week');
    expect(f.series).toEqual([
      { start: '2024-03-25', capacityDays: 4, throughput: 2, arrivals: 1, created: 4, netFlow: -1 },
      { start: '2024-04-01', capacityDays: 4, throughput: 2, arrivals: 4, created: 0, netFlow: 2 },
    ]);
  });

  it('derives the window figures by hand', () => {
    const f = capacityFigures(days, 'day');
    expect(f.series).toHaveLength(7);
    expect(f).toMatchObject({ capacityDays: 8, throughput: 4, arrivals: 5, created: 4, netFlow: 1, deliveryRate: 0.5, backlog: 7 });
    // load: (4/2 + 2/2 + 4/2 + 5/2) / 4 days with capacity
    expect(f.loadPerFte).toBe(1.875);
    // mean weekly throughput = 4 / (7 / 7) = 4 -> 7 / 4
    expect(f.backlogWeeks).toBe(1.75);
  });

  it('answers null where a denominator is 0', () => {
    const f = capacityFigures({ ...days, capacity: days.capacity.map(() => 0), throughput: days.throughput.map(() => 0) }, 'day');
    expect(f.deliveryRate).toBeNull();
    expect(f.loadPerFte).toBeNull();
    expect(f.backlogWeeks).toBeNull();
  });

  it('gives the same figures in estimate units (points per FTE-day), without load', () => {
    const points = { items: 6, arrivals: [3, 0, 0, 0, 8, 0.5, 0], created: [5, 2, 0, 1, 0, 0, 0], throughput: [0, 5, 0, 0, 2, 0, 1], backlog: 13 };
    const f = estimateFigures(days.dates, days.capacity, points, 'week');
    // 8 points done over 8 FTE-days; mean weekly points 8 / (7 / 7) = 8 -> 13 / 8 backlog weeks.
    expect(f).toEqual({
      items: 6, throughput: 8, arrivals: 11.5, created: 8, netFlow: 3.5, deliveryRate: 1, backlog: 13, backlogWeeks: 1.625,
      series: [
        { start: '2024-03-25', throughput: 5, arrivals: 3, created: 8, netFlow: -2 },
        { start: '2024-04-01', throughput: 3, arrivals: 8.5, created: 0, netFlow: 5.5 },
      ],
    });
    expect(estimateFigures(days.dates, days.capacity.map(() => 0), { ...points, throughput: points.throughput.map(() => 0) }, 'day')).toMatchObject({ deliveryRate: null, backlogWeeks: null });
  });
});
