import { axisStyle, baseGrid, COLORS } from '../../components/chart-theme';
import { FilterBar } from '../../components/filter-bar';
import { Stat } from '../../components/figure';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import type { HowMany, Outcome, When } from '../../lib/api-types';
import { outcomeBars } from '../../lib/chart-data';
import { addDays, localDate } from '../../lib/dates';
import { pick, useFilters } from '../../lib/filters';
import { useSignedIn } from '../../lib/session';
import { useApi } from '../../lib/use-api';

const FILTERS = ['boardId', 'type', 'team', 'teamId', 'portfolioId', 'asOf', 'window', 'trials', 'seed'];

function outcomeChart(outcomes: readonly Outcome[], lines: Array<{ name: 'p50' | 'p85' | 'p95'; value: number; label: string }>, xName: string) {
  const bars = outcomeBars(outcomes);
  return {
    height: 300,
    option: {
      grid: { ...baseGrid, top: 36 },
      tooltip: { trigger: 'axis', formatter: (p: Array<{ data: [number, number] }>) => `${p[0]?.data[0]} ${xName}: ${p[0]?.data[1]} trials` },
      xAxis: { type: 'value', name: xName, min: 'dataMin', max: 'dataMax', ...axisStyle, splitLine: { show: false } },
      yAxis: { type: 'value', name: 'trials', ...axisStyle },
      series: [
        {
          type: 'bar',
          barCategoryGap: '5%',
          data: bars.map((b) => [b.value, b.trials]),
          itemStyle: { color: '#93c5fd' },
          markLine: {
            silent: true,
            symbol: 'none',
            data: lines.map((l) => ({ xAxis: l.value, lineStyle: { color: COLORS[l.name], width: 2 }, label: { formatter: l.label, color: COLORS[l.name], position: 'insideEndTop', fontSize: 11 } })),
          },
        },
      ],
    },
  };
}

/** Monte Carlo forecasts: how many by a date, and when N items, with every input in the URL. */
export function ForecastPage() {
  const { me } = useSignedIn();
  const today = localDate(Date.now(), me.workspace.timezone);
  const { params, update } = useFilters(() => ({ by: addDays(today, 28), items: '20', window: '90', trials: '10000', seed: '1' }));
  const common = pick(params, FILTERS);
  const howManyParams = new URLSearchParams(common);
  howManyParams.set('by', params.get('by') ?? '');
  const whenParams = new URLSearchParams(common);
  whenParams.set('items', params.get('items') ?? '');
  const howMany = useApi<HowMany>('forecast/how-many', howManyParams);
  const when = useApi<When>('forecast/when', whenParams);
  const field = (name: string, label: string, type: string, extra: Record<string, string | number> = {}) => (
    <label className="filter">
      <span>{label}</span>
      <input name={name} type={type} value={params.get(name) ?? ''} onChange={(e) => e.target.value && update({ [name]: e.target.value })} {...extra} />
    </label>
  );
  return (
    <>
      <PageHeader title="Forecasts" subtitle={`Monte Carlo from the daily throughput of the last ${params.get('window')} days, ${Number(params.get('trials')).toLocaleString('en-GB')} trials, seed ${params.get('seed')}`} />
      <FilterBar params={params} update={update} show={{ board: true, type: true, team: true, asOf: true }}>
        {field('by', 'How many by', 'date', { min: addDays(today, 1) })}
        {field('items', 'When will N items be done', 'number', { min: 1, max: 100000 })}
        {field('window', 'History (days)', 'number', { min: 1, max: 730 })}
        {field('trials', 'Trials', 'number', { min: 1, max: 100000, step: 1000 })}
        {field('seed', 'Seed', 'number', { min: 0 })}
      </FilterBar>
      <div className="grid">
        <Panel
          title={`How many items by ${params.get('by')}?`}
          subtitle="Items finished in each trial; p85 = reached or beaten in 85% of trials"
          name="forecast-how-many"
          query={howMany}
          csv={(d) => (d.outcomes ?? []).map((o) => ({ items: o.value, trials: o.trials }))}
          chart={(d) =>
            outcomeChart(
              d.outcomes ?? [],
              [
                { name: 'p50', value: d.p50, label: `p50 ${d.p50}` },
                { name: 'p85', value: d.p85, label: `p85 ${d.p85}` },
                { name: 'p95', value: d.p95, label: `p95 ${d.p95}` },
              ],
              'items',
            )
          }
        >
          {(d) => (
            <div className="stats">
              <Stat label="50% likely at least" figure="forecast/how-many.p50" value={d.p50} format="count" />
              <Stat label="85% likely at least" figure="forecast/how-many.p85" value={d.p85} format="count" />
              <Stat label="95% likely at least" figure="forecast/how-many.p95" value={d.p95} format="count" />
              <Stat label="Days ahead" figure="forecast/how-many.days" value={d.days} format="count" />
            </div>
          )}
        </Panel>
        <Panel
          title={`When will ${params.get('items')} items be done?`}
          subtitle="Days needed in each trial; p85 = done by then in 85% of trials"
          name="forecast-when"
          query={when}
          csv={(d) => (d.outcomes ?? []).map((o) => ({ days: o.value, date: addDays(d.asOf, o.value), trials: o.trials }))}
          chart={(d) =>
            outcomeChart(
              d.outcomes ?? [],
              [
                { name: 'p50', value: d.days.p50, label: `p50 ${d.p50}` },
                { name: 'p85', value: d.days.p85, label: `p85 ${d.p85}` },
                { name: 'p95', value: d.days.p95, label: `p95 ${d.p95}` },
              ],
              'days',
            )
          }
        >
          {(d) => (
            <div className="stats">
              <Stat label="50% likely by" figure="forecast/when.p50" value={d.p50} format="date" />
              <Stat label="85% likely by" figure="forecast/when.p85" value={d.p85} format="date" />
              <Stat label="95% likely by" figure="forecast/when.p95" value={d.p95} format="date" />
              <Stat label="p85 in days" figure="forecast/when.days.p85" value={d.days.p85} format="count" />
            </div>
          )}
        </Panel>
      </div>
    </>
  );
}
