import { axisStyle, baseGrid, COLORS } from '../../components/chart-theme';
import { Stat } from '../../components/figure';
import { Panel } from '../../components/panel';
import type { Throughput } from '../../lib/api-types';
import { frequencies, niceBinWidth } from '../../lib/chart-data';
import { useApi } from '../../lib/use-api';

function useThroughput(query: URLSearchParams, interval: string) {
  const params = new URLSearchParams(query);
  params.set('interval', interval);
  return useApi<Throughput>('metrics/throughput', params);
}

export function ThroughputRunPanel({ query, interval }: { query: URLSearchParams; interval: string }) {
  const throughput = useThroughput(query, interval);
  return (
    <Panel
      title="Throughput"
      subtitle={`Items finished per ${interval} (run chart with the average)`}
      name="throughput"
      query={throughput}
      isEmpty={(d) => d.series.length === 0}
      csv={(d) => d.series.map((p) => ({ start: p.start, count: p.count }))}
      chart={(d) => ({
        option: {
          grid: baseGrid,
          tooltip: { trigger: 'axis' },
          xAxis: { type: 'category', data: d.series.map((p) => p.start), ...axisStyle },
          yAxis: { type: 'value', minInterval: 1, ...axisStyle },
          series: [
            {
              type: 'line',
              name: 'finished',
              data: d.series.map((p) => p.count),
              color: COLORS.primary,
              symbolSize: 6,
              areaStyle: { color: COLORS.primarySoft },
              markLine: { silent: true, symbol: 'none', data: [{ type: 'average', name: 'average' }], lineStyle: { color: COLORS.axis, type: 'dashed' }, label: { formatter: 'avg {c}', position: 'insideEndTop' } },
            },
          ],
        },
      })}
    >
      {(d) => (
        <div className="stats">
          <Stat label="Finished" figure="throughput.total" value={d.total} format="count" />
        </div>
      )}
    </Panel>
  );
}

export function ThroughputHistogramPanel({ query, interval }: { query: URLSearchParams; interval: string }) {
  const throughput = useThroughput(query, interval);
  return (
    <Panel
      title="Throughput histogram"
      subtitle={`How many ${interval}s finished how many items`}
      name="throughput-histogram"
      query={throughput}
      isEmpty={(d) => d.series.length === 0}
      csv={(d) => finishedBins(d).map((f) => ({ finished: f.label, [`${interval}s`]: f.periods }))}
      chart={(d) => {
        const bars = finishedBins(d);
        return {
          option: {
            grid: baseGrid,
            tooltip: { trigger: 'axis' },
            xAxis: { type: 'category', name: 'items', data: bars.map((b) => b.label), ...axisStyle },
            yAxis: { type: 'value', name: `${interval}s`, minInterval: 1, ...axisStyle },
            series: [{ type: 'bar', data: bars.map((b) => b.periods), itemStyle: { color: '#0ea5e9', borderRadius: [3, 3, 0, 0] } }],
          },
        };
      }}
    />
  );
}

/** The periods by how many items they finished, in round bins of about 30 over the range. */
function finishedBins(d: Throughput) {
  const counts = d.series.map((p) => p.count);
  return frequencies(counts, niceBinWidth(counts));
}
