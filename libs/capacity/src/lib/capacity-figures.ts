import { weekStartOf } from '@flowlens/metrics';

/** Per local date of the window, in order: what the capacity figures are made of. */
export interface CapacityDays {
  readonly dates: readonly string[];
  readonly capacity: readonly number[];
  readonly arrivals: readonly number[];
  readonly created: readonly number[];
  readonly throughput: readonly number[];
  /** WIP at the end of each day. */
  readonly wip: readonly number[];
  /** Items in a backlog stage at the end of `to`. */
  readonly backlog: number;
}

export interface CapacityBucket {
  readonly start: string;
  readonly capacityDays: number;
  readonly throughput: number;
  readonly arrivals: number;
  readonly created: number;
  readonly netFlow: number;
}

export interface CapacityFigures {
  readonly capacityDays: number;
  readonly throughput: number;
  readonly arrivals: number;
  readonly created: number;
  readonly netFlow: number;
  readonly deliveryRate: number | null;
  readonly loadPerFte: number | null;
  readonly backlog: number;
  readonly backlogWeeks: number | null;
  readonly series: CapacityBucket[];
}

const sum = (values: readonly number[]) => values.reduce((s, v) => s + v, 0);

/**
 * The capacity figures of metrics.md from the daily parts. Week buckets hold only the window's
 * days; load per FTE averages WIP / capacity over the days whose capacity is above 0.
 */
export function capacityFigures(days: CapacityDays, interval: 'day' | 'week'): CapacityFigures {
  const buckets = new Map<string, { capacityDays: number; throughput: number; arrivals: number; created: number }>();
  days.dates.forEach((date, i) => {
    const start = interval === 'day' ? date : weekStartOf(date);
    const bucket = buckets.get(start) ?? { capacityDays: 0, throughput: 0, arrivals: 0, created: 0 };
    bucket.capacityDays += days.capacity[i] ?? 0;
    bucket.throughput += days.throughput[i] ?? 0;
    bucket.arrivals += days.arrivals[i] ?? 0;
    bucket.created += days.created[i] ?? 0;
    buckets.set(start, bucket);
  });
  const capacityDays = sum(days.capacity);
  const throughput = sum(days.throughput);
  const arrivals = sum(days.arrivals);
  const loads = days.dates.flatMap((_, i) => ((days.capacity[i] ?? 0) > 0 ? [(days.wip[i] ?? 0) / (days.capacity[i] as number)] : []));
  const weeklyThroughput = throughput / (days.dates.length / 7);
  return {
    capacityDays,
    throughput,
    arrivals,
    created: sum(days.created),
    netFlow: arrivals - throughput,
    deliveryRate: capacityDays > 0 ? throughput / capacityDays : null,
    loadPerFte: loads.length ? sum(loads) / loads.length : null,
    backlog: days.backlog,
    backlogWeeks: weeklyThroughput > 0 ? days.backlog / weeklyThroughput : null,
    series: [...buckets].map(([start, b]) => ({ start, ...b, netFlow: b.arrivals - b.throughput })),
  };
}

/** Capacity per bucket (week buckets hold only the window's days). */
export function capacityBuckets(dates: readonly string[], capacity: readonly number[], interval: 'day' | 'week'): Array<{ start: string; capacityDays: number }> {
  const zeros = dates.map(() => 0);
  return capacityFigures({ dates, capacity, arrivals: zeros, created: zeros, throughput: zeros, wip: zeros, backlog: 0 }, interval).series.map((b) => ({ start: b.start, capacityDays: b.capacityDays }));
}

/** The daily sums of the items' estimates (story points) behind the estimate block. */
export interface EstimateDays {
  /** Items with an estimate, over which the sums run. */
  readonly items: number;
  readonly arrivals: readonly number[];
  readonly created: readonly number[];
  readonly throughput: readonly number[];
  readonly backlog: number;
}

export interface EstimateFigures extends Pick<CapacityFigures, 'throughput' | 'arrivals' | 'created' | 'netFlow' | 'deliveryRate' | 'backlog' | 'backlogWeeks'> {
  readonly items: number;
  readonly series: Array<Omit<CapacityBucket, 'capacityDays'>>;
}

/**
 * The capacity figures in estimate units: the same formulas over the estimates' sums instead of
 * item counts (delivery rate in estimate units per FTE-day). Load per FTE is not given in them.
 */
export function estimateFigures(dates: readonly string[], capacity: readonly number[], days: EstimateDays, interval: 'day' | 'week'): EstimateFigures {
  const f = capacityFigures({ dates, capacity, arrivals: days.arrivals, created: days.created, throughput: days.throughput, wip: dates.map(() => 0), backlog: days.backlog }, interval);
  return {
    items: days.items,
    throughput: f.throughput,
    arrivals: f.arrivals,
    created: f.created,
    netFlow: f.netFlow,
    deliveryRate: f.deliveryRate,
    backlog: f.backlog,
    backlogWeeks: f.backlogWeeks,
    series: f.series.map(({ capacityDays: _c, ...bucket }) => bucket),
  };
}
