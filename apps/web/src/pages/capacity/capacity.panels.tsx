import { axisStyle, baseGrid, COLORS, TYPE_COLORS } from '../../components/chart-theme';
import { Figure, Stat } from '../../components/figure';
import { Panel } from '../../components/panel';
import { allocationRows } from '../../lib/capacity-data';
import { type Allocation, type Capacity, FLOW_TYPES, type FlowCost } from '../../lib/capacity-types';
import { useApi } from '../../lib/use-api';

export function CapacityDemandPanel({ query, interval }: { query: URLSearchParams; interval: string }) {
  const capacity = useApi<Capacity>('capacity', query);
  return (
    <Panel
      title="Capacity against demand"
      subtitle={`FTE-days of capacity per ${interval}, with the items started (arrivals) and finished (throughput)`}
      name="capacity"
      wide
      query={capacity}
      isEmpty={(d) => d.series.length === 0}
      csv={(d) => d.series.map((b) => ({ ...b }))}
      chart={(d) => ({
        option: {
          grid: { ...baseGrid, right: 56 },
          tooltip: { trigger: 'axis' },
          legend: { top: 0 },
          xAxis: { type: 'category', data: d.series.map((b) => b.start), ...axisStyle },
          yAxis: [
            { type: 'value', name: 'FTE-days', ...axisStyle },
            { type: 'value', name: 'items', minInterval: 1, ...axisStyle },
          ],
          series: [
            { type: 'bar', name: 'capacity', data: d.series.map((b) => Math.round(b.capacityDays * 100) / 100), itemStyle: { color: COLORS.primarySoft, borderRadius: [3, 3, 0, 0] } },
            { type: 'line', name: 'arrivals', yAxisIndex: 1, data: d.series.map((b) => b.arrivals), color: '#f59e0b' },
            { type: 'line', name: 'throughput', yAxisIndex: 1, data: d.series.map((b) => b.throughput), color: COLORS.primary },
          ],
        },
      })}
    >
      {(d) => (
        <div className="stats stats-grid">
          <Stat label="Capacity (FTE-days)" figure="capacity.capacityDays" value={d.capacityDays} />
          <Stat label="Arrivals" figure="capacity.arrivals" value={d.arrivals} format="count" />
          <Stat label="Created" figure="capacity.created" value={d.created} format="count" />
          <Stat label="Throughput" figure="capacity.throughput" value={d.throughput} format="count" />
          <Stat label="Net flow" figure="capacity.netFlow" value={d.netFlow} format="count" hint="arrivals − throughput: positive means WIP grows" />
          <Stat label="Delivery rate" figure="capacity.deliveryRate" value={d.deliveryRate} hint="items per FTE-day" />
          <Stat label="Load per FTE" figure="capacity.loadPerFte" value={d.loadPerFte} hint="mean WIP per FTE-day of capacity" />
          <Stat label="Backlog" figure="capacity.backlog" value={d.backlog} format="count" />
          <Stat label="Backlog weeks" figure="capacity.backlogWeeks" value={d.backlogWeeks} />
        </div>
      )}
    </Panel>
  );
}

export function NetFlowPanel({ query, interval }: { query: URLSearchParams; interval: string }) {
  const capacity = useApi<Capacity>('capacity', query);
  return (
    <Panel
      title="Net flow"
      subtitle={`Arrivals − throughput per ${interval}: above 0, work in progress grows`}
      name="net-flow"
      query={capacity}
      isEmpty={(d) => d.series.length === 0}
      csv={(d) => d.series.map((b) => ({ start: b.start, netFlow: b.netFlow }))}
      chart={(d) => ({
        option: {
          grid: baseGrid,
          tooltip: { trigger: 'axis' },
          xAxis: { type: 'category', data: d.series.map((b) => b.start), ...axisStyle },
          yAxis: { type: 'value', minInterval: 1, ...axisStyle },
          series: [{ type: 'bar', data: d.series.map((b) => ({ value: b.netFlow, itemStyle: { color: b.netFlow > 0 ? '#dc2626' : '#16a34a' } })) }],
        },
      })}
    />
  );
}

export function AllocationPanel({ query }: { query: URLSearchParams }) {
  const allocation = useApi<Allocation>('capacity/allocation', query);
  return (
    <Panel
      title="Allocation by flow type"
      subtitle="Share of the active time inside the window, against the target mix"
      name="allocation"
      query={allocation}
      isEmpty={(d) => d.byType === null}
      emptyText="No active time in this window."
      csv={(d) => allocationRows(d).map((r) => ({ ...r }))}
      chart={(d) => {
        const rows = allocationRows(d);
        return {
          option: {
            grid: baseGrid,
            tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${Math.round(Number(v) * 1000) / 10}%` },
            legend: { top: 0 },
            xAxis: { type: 'category', data: rows.map((r) => r.type), ...axisStyle },
            yAxis: { type: 'value', max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
            series: [
              { type: 'bar', name: 'actual', data: rows.map((r) => ({ value: r.actual, itemStyle: { color: TYPE_COLORS[r.type] } })) },
              ...(d.target ? [{ type: 'bar', name: 'target', data: rows.map((r) => r.target ?? 0), itemStyle: { color: '#cbd5e1' } }] : []),
            ],
          },
        };
      }}
    >
      {(d) => (
        <>
          <div className="stats">
            <Stat label="Active days" figure="capacity/allocation.activeDays" value={d.activeDays} format="days" />
          </div>
          <table className="table">
            <thead>
              <tr>
                <th>flow type</th>
                <th className="num">actual</th>
                <th className="num">target</th>
                <th className="num">gap</th>
              </tr>
            </thead>
            <tbody>
              {FLOW_TYPES.map((t) => (
                <tr key={t}>
                  <td>{t}</td>
                  <td className="num"><Figure figure={`capacity/allocation.byType.${t}`} value={d.byType?.[t] ?? null} format="share" /></td>
                  <td className="num">{d.target ? <Figure figure={`capacity/allocation.target.${t}`} value={d.target[t]} format="share" /> : '—'}</td>
                  <td className="num">{d.gap ? <Figure figure={`capacity/allocation.gap.${t}`} value={d.gap[t]} format="share" /> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Panel>
  );
}

export function CostPanel({ query }: { query: URLSearchParams }) {
  const cost = useApi<FlowCost>('capacity/cost', query);
  return (
    <Panel
      title="Flow cost by flow type"
      subtitle="Capacity × cost per FTE-day, shared out by the allocation"
      name="cost"
      query={cost}
      csv={(d) => FLOW_TYPES.map((t) => ({ type: t, cost: d.byType[t], currency: d.currency }))}
      chart={(d) => ({
        option: {
          grid: baseGrid,
          tooltip: { trigger: 'axis' },
          xAxis: { type: 'category', data: [...FLOW_TYPES], ...axisStyle },
          yAxis: { type: 'value', name: d.currency, ...axisStyle },
          series: [{ type: 'bar', data: FLOW_TYPES.map((t) => ({ value: Math.round(d.byType[t]), itemStyle: { color: TYPE_COLORS[t] } })) }],
        },
      })}
    >
      {(d) => (
        <div className="stats">
          <Stat label={`Cost (${d.currency})`} figure="capacity/cost.cost" value={d.cost} />
          <Stat label={`Cost per item (${d.currency})`} figure="capacity/cost.costPerItem" value={d.costPerItem} />
          {FLOW_TYPES.map((t) => (
            <Stat key={t} label={t} figure={`capacity/cost.byType.${t}`} value={d.byType[t]} />
          ))}
        </div>
      )}
    </Panel>
  );
}
