import { axisStyle, baseGrid, CATEGORY_COLORS } from '../../components/chart-theme';
import { Panel } from '../../components/panel';
import type { Cfd } from '../../lib/api-types';
import { cfdSeries } from '../../lib/chart-data';
import { useApi } from '../../lib/use-api';

export function CfdPanel({ query }: { query: URLSearchParams }) {
  const cfd = useApi<Cfd>('metrics/cfd', query);
  return (
    <Panel
      title="Cumulative flow"
      subtitle="Items per stage at the end of each day, stages in workflow-map order"
      name="cfd"
      wide
      query={cfd}
      isEmpty={(d) => d.series.length === 0 || d.stages.length === 0}
      csv={(d) => d.series.map((p) => ({ date: p.date, ...p.counts }))}
      chart={(d) => {
        const { dates, bands } = cfdSeries(d);
        const used: Record<string, number> = {};
        return {
          height: 320,
          option: {
            grid: { ...baseGrid, right: 120 },
            tooltip: { trigger: 'axis', order: 'seriesDesc' },
            legend: { type: 'scroll', orient: 'vertical', right: 0, top: 20, data: [...bands].reverse().map((b) => b.stage) },
            xAxis: { type: 'category', data: dates, boundaryGap: false, ...axisStyle },
            yAxis: { type: 'value', ...axisStyle },
            series: bands.map((band) => {
              const palette = CATEGORY_COLORS[band.category] ?? CATEGORY_COLORS['active'];
              const n = used[band.category] ?? 0;
              used[band.category] = n + 1;
              const color = palette[n % palette.length];
              return { name: band.stage, type: 'line', stack: 'cfd', areaStyle: { opacity: 0.85 }, lineStyle: { width: 0.5 }, symbol: 'none', color, data: band.values };
            }),
          },
        };
      }}
    />
  );
}
