import { useNavigate } from 'react-router';
import { axisStyle, baseGrid, COLORS, percentileLines, scatterMode } from '../../components/chart-theme';
import { Stat } from '../../components/figure';
import { Panel } from '../../components/panel';
import { useTimeZone } from '../../components/use-time-zone';
import type { ElapsedTime } from '../../lib/api-types';
import { histogram, niceBinWidth, scatterPoints } from '../../lib/chart-data';
import { formatDate } from '../../lib/format';
import { useApi } from '../../lib/use-api';

function PercentileStats({ data }: { data: ElapsedTime }) {
  return (
    <div className="stats">
      <Stat label="Items done" figure="cycle-time.count" value={data.count} format="count" />
      <Stat label="p50" figure="cycle-time.p50" value={data.p50} format="days" />
      <Stat label="p70" figure="cycle-time.p70" value={data.p70} format="days" />
      <Stat label="p85" figure="cycle-time.p85" value={data.p85} format="days" hint="85% of items finished within this many days" />
      <Stat label="p95" figure="cycle-time.p95" value={data.p95} format="days" />
      <Stat label="Mean" figure="cycle-time.mean" value={data.mean} format="days" />
    </div>
  );
}

export function CycleTimeScatterPanel({ query }: { query: URLSearchParams }) {
  const cycle = useApi<ElapsedTime>('metrics/cycle-time', query);
  const navigate = useNavigate();
  const zone = useTimeZone();
  return (
    <Panel
      title="Cycle time scatterplot"
      subtitle="Each dot is a finished item; click one to open it"
      name="cycle-time-scatter"
      wide
      query={cycle}
      isEmpty={(d) => d.count === 0}
      emptyText="No item finished in this window."
      csv={(d) => d.items.map((i) => ({ itemKey: i.itemKey, startedAt: i.startedAt, doneAt: i.doneAt, days: i.days }))}
      chart={(d) => ({
        height: 340,
        onClick: (e) => {
          const key = (e.data as { itemKey?: string } | undefined)?.itemKey;
          if (key) navigate(`/items/${encodeURIComponent(key)}`);
        },
        option: {
          grid: { ...baseGrid, right: 90 },
          tooltip: {
            trigger: 'item',
            formatter: (p: { data: { itemKey: string; startedAt: string; doneAt: string; value: [number, number] } }) =>
              `<b>${p.data.itemKey}</b><br/>started ${formatDate(p.data.startedAt, zone)}<br/>done ${formatDate(p.data.doneAt, zone)}<br/>${p.data.value[1].toFixed(1)} days`,
          },
          xAxis: { type: 'time', ...axisStyle, splitLine: { show: false } },
          yAxis: { type: 'value', name: 'days', nameTextStyle: { color: COLORS.axis }, ...axisStyle },
          series: [{ type: 'scatter', symbolSize: 7, ...scatterMode(d.items.length), itemStyle: { color: COLORS.primary, opacity: 0.7 }, data: scatterPoints(d.items), markLine: percentileLines(d), cursor: 'pointer' }],
        },
      })}
    >
      {(d) => <PercentileStats data={d} />}
    </Panel>
  );
}

export function CycleTimeHistogramPanel({ query }: { query: URLSearchParams }) {
  const cycle = useApi<ElapsedTime>('metrics/cycle-time', query);
  return (
    <Panel
      title="Cycle time histogram"
      subtitle="How many items took how long"
      name="cycle-time-histogram"
      query={cycle}
      isEmpty={(d) => d.count === 0}
      csv={(d) => histogram(d.items.map((i) => i.days), niceBinWidth(d.items.map((i) => i.days))).map((b) => ({ fromDays: b.from, toDays: b.to, items: b.count }))}
      chart={(d) => {
        const days = d.items.map((i) => i.days);
        const width = niceBinWidth(days);
        const bins = histogram(days, width);
        return {
          option: {
            grid: baseGrid,
            tooltip: { trigger: 'axis' },
            xAxis: { type: 'category', data: bins.map((b) => (width === 1 ? `${b.from}` : `${b.from}–${b.to}`)), name: 'days', ...axisStyle },
            yAxis: { type: 'value', minInterval: 1, ...axisStyle },
            series: [{ type: 'bar', name: 'items', data: bins.map((b) => b.count), itemStyle: { color: COLORS.primary, borderRadius: [3, 3, 0, 0] } }],
          },
        };
      }}
    />
  );
}
