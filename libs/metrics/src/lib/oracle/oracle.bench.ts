/**
 * Micro-benchmark of the reference implementation (not a test: it prints timings).
 * Run: node scripts/build.mjs && node dist/libs/metrics/src/lib/oracle/oracle.bench.js
 */
import { performance } from 'node:perf_hooks';
import { deterministicEventId, type CanonicalEvent, type StatusRef } from '@flowlens/contracts';
import { mulberry32 } from '../forecast/prng';
import { computeAging } from './aging.oracle';
import { buildTimelines } from './build-timelines';
import { computeCfd } from './cfd.oracle';
import { computeCycleTime } from './elapsed-time.oracle';
import { computeFlowEfficiency } from './flow-efficiency.oracle';
import { computeThroughput } from './throughput.oracle';
import { computeWip } from './wip.oracle';

const STATUSES: StatusRef[] = [
  { id: '10000', name: 'To Do', category: 'todo' },
  { id: '3', name: 'In Progress', category: 'in_progress' },
  { id: '10002', name: 'In Review', category: 'in_progress' },
  { id: '10001', name: 'Done', category: 'done' },
];

/** ~10 events per item: created, status walk, a block, a field update. */
function stream(items: number, seed: number): CanonicalEvent[] {
  const random = mulberry32(seed);
  const origin = Date.parse('2024-01-01T00:00:00.000Z');
  const events: CanonicalEvent[] = [];
  for (let i = 0; i < items; i++) {
    let at = origin + Math.floor(random() * 80 * 86_400_000);
    const base = (n: number) => {
      const occurredAt = new Date(at).toISOString();
      return {
        eventId: deterministicEventId('bench', i, n),
        workspaceId: 'ws_bench',
        connectorId: 'conn',
        source: 'jira' as const,
        sourceEventId: `${i}-${n}`,
        occurredAt,
        receivedAt: occurredAt,
        sequence: 0,
        schemaVersion: 1 as const,
        boardId: i % 3 === 0 ? 'OPS' : 'KAN',
        itemId: String(10000 + i),
        itemKey: `KAN-${i}`,
      };
    };
    let status = 0;
    const fields = {
      title: `Item ${i}`, type: 'Story', priority: null, assignee: null, labels: [], components: [], fixVersions: [],
      estimate: null, dueDate: null, parentId: null, sprintIds: [], team: 'Core', archived: false,
    };
    events.push({ ...base(0), type: 'WorkItemCreated', payload: { fields, status: STATUSES[0] } });
    for (let n = 1; n < 10; n++) {
      at += Math.floor(random() * 2 * 86_400_000);
      if (n === 4) events.push({ ...base(n), type: 'WorkItemBlocked', payload: { reason: 'flag', note: null } });
      else if (n === 6) events.push({ ...base(n), type: 'WorkItemUnblocked', payload: { reason: 'flag' } });
      else if (n === 8) events.push({ ...base(n), type: 'WorkItemUpdated', payload: { changes: { team: 'Platform' } } });
      else {
        const next = Math.min(3, Math.max(0, status + (random() < 0.75 ? 1 : -1)));
        events.push({ ...base(n), type: 'WorkItemStatusChanged', payload: { from: STATUSES[status], to: STATUSES[next] } });
        status = next;
      }
    }
  }
  return events;
}

function time(label: string, run: () => unknown): void {
  run();
  const start = performance.now();
  run();
  process.stdout.write(`${label.padEnd(44)} ${(performance.now() - start).toFixed(1)} ms\n`);
}

const events = stream(2000, 1);
const query = { from: '2024-01-01', to: '2024-03-31', timezone: 'Europe/Berlin' };
const timelines = buildTimelines(events, { now: '2024-04-15T00:00:00.000Z' });
process.stdout.write(`${events.length} events, ${timelines.items.length} items, 91 days\n`);
time('buildTimelines', () => buildTimelines(events, { now: '2024-04-15T00:00:00.000Z' }));
time('throughput (day)', () => computeThroughput(timelines, query));
time('cycle time', () => computeCycleTime(timelines, query));
time('wip', () => computeWip(timelines, query));
time('aging', () => computeAging(timelines, query));
time('cfd', () => computeCfd(timelines, query));
time('flow efficiency', () => computeFlowEfficiency(timelines, query));
