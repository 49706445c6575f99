import { axisStyle, baseGrid } from '../../components/chart-theme';
import { Figure } from '../../components/figure';
import { Panel } from '../../components/panel';
import type { EpicForecast, ReleaseForecast } from '../../lib/api-types';
import { forecastCurve } from '../../lib/risk-data';
import { useApi } from '../../lib/use-api';

type Forecast = (ReleaseForecast | EpicForecast) & { id: string; title: string; target: string | null };

/** Release and epic forecast cards: dates at p50/p85/p95, P(on time), and the probability curve. */
export function ForecastsPanel({ query, kind }: { query: URLSearchParams; kind: 'releases' | 'epics' }) {
  const endpoint = `risk/${kind}`;
  const result = useApi<{ items: Array<ReleaseForecast | EpicForecast> }>(endpoint, query);
  const rows = (items: Array<ReleaseForecast | EpicForecast>): Forecast[] =>
    items.map((f) => ('releaseId' in f ? { ...f, id: f.releaseId, title: f.name, target: f.releaseDate } : { ...f, id: f.epicKey, title: f.epicKey, target: f.dueDate }));
  const key = kind === 'releases' ? 'releaseId' : 'epicKey';
  return (
    <Panel title={kind === 'releases' ? 'Release forecasts' : 'Epic forecasts'} subtitle="Monte Carlo across the boards holding the remaining items; the curve is the share of trials finished by each date" name={`risk-${kind}`} wide query={result}
      isEmpty={(d) => d.items.length === 0} emptyText={kind === 'releases' ? 'No open release.' : 'No open epic.'}
      csv={(d) => rows(d.items).map((f) => ({ id: f.id, target: f.target, scope: f.scope, remaining: f.remaining, p50: f.p50, p85: f.p85, p95: f.p95, pOnTime: f.pOnTime, atRisk: f.atRisk, scopeAdded: f.scopeAdded }))}
      chart={(d) => ({
        height: 260,
        option: {
          grid: { ...baseGrid, top: 30 },
          legend: { top: 0 },
          tooltip: { trigger: 'axis' },
          xAxis: { type: 'time', ...axisStyle },
          yAxis: { type: 'value', min: 0, max: 1, name: 'P(done by)', ...axisStyle },
          series: rows(d.items).map((f) => ({ name: f.title, type: 'line', step: 'end', data: forecastCurve(f) })),
        },
      })}>
      {(d) => (
        <table className="table">
          <thead><tr><th>{kind === 'releases' ? 'Release' : 'Epic'}</th><th>Target</th><th className="num">Remaining / scope</th><th>p50</th><th>p85</th><th>p95</th><th className="num">P(on time)</th><th className="num">Scope added</th></tr></thead>
          <tbody>
            {rows(d.items).map((f) => {
              const at = `${endpoint}.items[${key}=${f.id}]`;
              return (
                <tr key={f.id}>
                  <td>{f.title} {f.atRisk && <span className="badge badge-bad">at risk</span>}</td>
                  <td><Figure figure={`${at}.${kind === 'releases' ? 'releaseDate' : 'dueDate'}`} value={f.target} format="date" /></td>
                  <td className="num"><Figure figure={`${at}.remaining`} value={f.remaining} format="count" /> / <Figure figure={`${at}.scope`} value={f.scope} format="count" /></td>
                  <td><Figure figure={`${at}.p50`} value={f.p50} format="date" /></td>
                  <td><Figure figure={`${at}.p85`} value={f.p85} format="date" /></td>
                  <td><Figure figure={`${at}.p95`} value={f.p95} format="date" /></td>
                  <td className="num"><Figure figure={`${at}.pOnTime`} value={f.pOnTime} format="share" /></td>
                  <td className="num"><Figure figure={`${at}.scopeAdded`} value={f.scopeAdded} format="count" /></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Panel>
  );
}
