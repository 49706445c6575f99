import { COLORS, TYPE_COLORS } from '../../components/chart-theme';
import { Stat } from '../../components/figure';
import { Panel } from '../../components/panel';
import type { FlowDistribution, FlowEfficiency, FlowFramework, LittlesLaw } from '../../lib/api-types';
import { useApi } from '../../lib/use-api';

const TYPES = ['feature', 'defect', 'risk', 'debt', 'other'];

export function FlowEfficiencyPanel({ query }: { query: URLSearchParams }) {
  const efficiency = useApi<FlowEfficiency>('metrics/flow-efficiency', query);
  return (
    <Panel
      title="Flow efficiency"
      subtitle="Active time / (active + wait time) of the items finished"
      name="flow-efficiency"
      query={efficiency}
      isEmpty={(d) => d.activeDays + d.waitDays === 0}
      csv={(d) => [{ efficiency: d.efficiency, activeDays: d.activeDays, waitDays: d.waitDays }]}
      chart={(d) => ({
        height: 200,
        option: {
          tooltip: { trigger: 'item', valueFormatter: (v: number) => `${v.toFixed(1)} d` },
          series: [
            {
              type: 'pie',
              radius: ['55%', '80%'],
              label: { show: false },
              data: [
                { name: 'Active', value: d.activeDays, itemStyle: { color: COLORS.primary } },
                { name: 'Waiting', value: d.waitDays, itemStyle: { color: '#f59e0b' } },
              ],
            },
          ],
        },
      })}
    >
      {(d) => (
        <div className="stats">
          <Stat label="Efficiency" figure="flow-efficiency.efficiency" value={d.efficiency} format="share" />
          <Stat label="Active" figure="flow-efficiency.activeDays" value={d.activeDays} format="days" />
          <Stat label="Waiting" figure="flow-efficiency.waitDays" value={d.waitDays} format="days" />
        </div>
      )}
    </Panel>
  );
}

export function FlowDistributionPanel({ query }: { query: URLSearchParams }) {
  const distribution = useApi<FlowDistribution>('metrics/flow-distribution', query);
  return (
    <Panel
      title="Flow distribution"
      subtitle="Share of finished items per flow type"
      name="flow-distribution"
      query={distribution}
      isEmpty={(d) => d.total === 0}
      csv={(d) => TYPES.map((t) => ({ type: t, share: d.byType[t] ?? 0, items: d.counts[t] ?? 0 }))}
      chart={(d) => ({
        height: 200,
        option: {
          tooltip: { trigger: 'item' },
          series: [{ type: 'pie', radius: ['55%', '80%'], label: { show: false }, data: TYPES.map((t) => ({ name: t, value: d.counts[t] ?? 0, itemStyle: { color: TYPE_COLORS[t] } })) }],
        },
      })}
    >
      {(d) => (
        <div className="stats">
          <Stat label="Items" figure="flow-distribution.total" value={d.total} format="count" />
          {TYPES.map((t) => (
            <Stat key={t} label={t} figure={`flow-distribution.byType.${t}`} value={d.byType[t] ?? 0} format="share" />
          ))}
        </div>
      )}
    </Panel>
  );
}

export function FlowFrameworkPanel({ query }: { query: URLSearchParams }) {
  const framework = useApi<FlowFramework>('metrics/flow-framework', query);
  return (
    <Panel title="Flow Framework" subtitle="Velocity, time, load and efficiency of the window" name="flow-framework" query={framework} csv={(d) => [{ velocity: d.velocity, timeP50: d.time.p50, timeP85: d.time.p85, load: d.load, efficiency: d.efficiency.efficiency }]}>
      {(d) => (
        <div className="stats stats-grid">
          <Stat label="Flow velocity" figure="flow-framework.velocity" value={d.velocity} format="count" hint="items finished in the window" />
          <Stat label="Flow time p50" figure="flow-framework.time.p50" value={d.time.p50} format="days" />
          <Stat label="Flow time p85" figure="flow-framework.time.p85" value={d.time.p85} format="days" />
          <Stat label="Flow load" figure="flow-framework.load" value={d.load} format="count" hint="items in progress at the end of the window" />
          <Stat label="Flow efficiency" figure="flow-framework.efficiency.efficiency" value={d.efficiency.efficiency} format="share" />
        </div>
      )}
    </Panel>
  );
}

export function LittlesLawPanel({ query }: { query: URLSearchParams }) {
  const law = useApi<LittlesLaw>('metrics/littles-law', query);
  return (
    <Panel title="Little's Law check" subtitle="Average WIP / average throughput against the average cycle time (a diagnostic)" name="littles-law" query={law} csv={(d) => [{ ...d }]}>
      {(d) => (
        <>
          <div className="stats stats-grid">
            <Stat label="Avg WIP" figure="littles-law.averageWip" value={d.averageWip} format="decimal" />
            <Stat label="Avg throughput / day" figure="littles-law.averageThroughput" value={d.averageThroughput} format="decimal" />
            <Stat label="Predicted cycle time" figure="littles-law.predictedCycleTime" value={d.predictedCycleTime} format="days" />
            <Stat label="Actual avg cycle time" figure="littles-law.averageCycleTime" value={d.averageCycleTime} format="days" />
            <Stat label="Ratio" figure="littles-law.ratio" value={d.ratio} format="decimal" hint="1.0 means the system is stable; far from 1 means WIP is growing or items are abandoned" />
          </div>
          <p className="muted small">{lawVerdict(d.ratio)}</p>
        </>
      )}
    </Panel>
  );
}

function lawVerdict(ratio: number | null): string {
  if (ratio === null) return 'Not enough finished items to check.';
  if (ratio > 1.25) return 'Predicted exceeds actual: work is piling up (WIP grows faster than it finishes).';
  if (ratio < 0.8) return 'Actual exceeds predicted: WIP is falling, or old items finished in a burst.';
  return 'Close to 1: arrivals and departures are in balance.';
}
