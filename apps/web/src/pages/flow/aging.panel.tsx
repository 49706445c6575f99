import { useNavigate } from 'react-router';
import { axisStyle, baseGrid, COLORS, isLargeScatter, PACE_COLORS, percentileLines, scatterMode } from '../../components/chart-theme';
import { Figure, Stat } from '../../components/figure';
import { ItemLink } from '../../components/item-link';
import { Panel } from '../../components/panel';
import type { Aging, Cfd } from '../../lib/api-types';
import { agingPoints, PACES, paceOf } from '../../lib/chart-data';
import { useApi } from '../../lib/use-api';

const PACE_LABELS: Record<string, string> = { 'within-p50': '≤ p50', 'within-p70': '≤ p70', 'within-p85': '≤ p85', 'within-p95': '≤ p95', 'beyond-p95': '> p95' };

export function AgingPanel({ query }: { query: URLSearchParams }) {
  const aging = useApi<Aging>('metrics/aging', query);
  const cfd = useApi<Cfd>('metrics/cfd', query);
  const navigate = useNavigate();
  const order = cfd.data?.stages ?? [];
  // Drawn once, when the stage order is known too (or the CFD failed), rather than again when it comes.
  const ordered = !cfd.isPending;
  const shown = { data: ordered ? aging.data : undefined, error: aging.error, isPending: aging.isPending || !ordered, isFetching: aging.isFetching };
  return (
    <Panel
      title="Aging work in progress"
      subtitle="Items in progress by stage, their age against the cycle-time percentiles; colour is each item's pace"
      name="aging"
      wide
      query={shown}
      isEmpty={(d) => d.itemsTotal === 0}
      emptyText="No item is in progress."
      csv={(d) => d.items.map((i) => ({ itemKey: i.itemKey, stage: i.stage, category: i.category, startedAt: i.startedAt, ageDays: i.ageDays }))}
      chart={(d) => {
        const { stages, points } = agingPoints(d.items, order, d.percentiles);
        return {
          height: 340,
          onClick: (e) => {
            const key = (e.data as { itemKey?: string } | undefined)?.itemKey;
            if (key) navigate(`/items/${encodeURIComponent(key)}`);
          },
          option: {
            grid: { ...baseGrid, right: 90, top: 40 },
            legend: { top: 0, data: PACES.map((p) => PACE_LABELS[p]) },
            tooltip: { trigger: 'item', formatter: (p: { data: { itemKey: string; stage: string; value: [number, number] } }) => `<b>${p.data.itemKey}</b><br/>${p.data.stage}<br/>${p.data.value[1].toFixed(1)} days old` },
            xAxis: {
              type: 'value',
              min: -0.5,
              max: Math.max(stages.length - 0.5, 0.5),
              ...axisStyle,
              splitLine: { show: false },
              axisTick: { customValues: stages.map((_, i) => i) },
              axisLabel: { ...axisStyle.axisLabel, fontSize: 12, color: '#374151', customValues: stages.map((_, i) => i), formatter: (v: number) => stages[Math.round(v)] ?? '' },
            },
            yAxis: { type: 'value', name: 'age (days)', nameTextStyle: { color: COLORS.axis }, ...axisStyle },
            series: PACES.map((pace, i) => ({
              name: PACE_LABELS[pace],
              type: 'scatter',
              symbolSize: 10,
              cursor: 'pointer',
              ...scatterMode(points.length),
              // Bordered dots stay apart; large mode draws no border, so its dots are a little see-through.
              itemStyle: isLargeScatter(points.length) ? { color: PACE_COLORS[pace], opacity: 0.8 } : { color: PACE_COLORS[pace], borderColor: '#fff', borderWidth: 1 },
              data: points.filter((p) => p.pace === pace),
              ...(i === 0 ? { markLine: percentileLines(d.percentiles) } : {}),
            })),
          },
        };
      }}
    >
      {(d) => (
        <div className="stats">
          <Stat label="In progress" figure="aging.itemsTotal" value={d.itemsTotal} format="count" />
          <Stat label="Oldest" figure="aging.items[0].ageDays" value={d.items[0]?.ageDays ?? null} format="days" />
          <Stat label="SLE (p85)" figure="aging.percentiles.p85" value={d.percentiles.p85} format="days" />
          <Stat label="Beyond p85" figure="aging.itemsBeyond.p85" value={d.itemsBeyond?.p85 ?? null} format="count" />
          <div className="oldest">
            <div className="stat-label">Oldest items</div>
            {d.items.slice(0, 6).map((i) => (
              <span key={i.itemKey} className="oldest-item">
                <span className="pace-dot" style={{ background: PACE_COLORS[paceOf(i.ageDays, d.percentiles)] }} />
                <ItemLink itemKey={i.itemKey} /> <Figure figure={`aging.items[itemKey=${i.itemKey}].ageDays`} value={i.ageDays} format="days" className="figure muted small" />
              </span>
            ))}
          </div>
        </div>
      )}
    </Panel>
  );
}
