import { useMutation } from '@tanstack/react-query';
import { SubjectLink } from '../../components/alert-subject';
import { COLORS } from '../../components/chart-theme';
import { EChart } from '../../components/echart';
import { Figure } from '../../components/figure';
import { ErrorNote, Loading } from '../../components/query-state';
import { firingsPerDay } from '../../lib/alert-data';
import type { AlertRule, Backtest } from '../../lib/alert-types';
import type { FilterPatch } from '../../lib/filters';
import { useSignedIn } from '../../lib/session';

const SHOWN_FIRINGS = 50;

interface Props {
  readonly rule: AlertRule;
  readonly from: string;
  readonly to: string;
  readonly update: (patch: FilterPatch) => void;
}

/** A saved rule's would-have-fired days over [from, to] (the URL's window), run on demand: each day is one evaluation. */
export function BacktestPanel({ rule, from, to, update }: Props) {
  const { api } = useSignedIn();
  // On demand rather than a cached query: a back-test evaluates the rule once per day of the window.
  const run = useMutation<Backtest, Error, { from: string; to: string }>({ mutationFn: (w) => api.get<Backtest>(`alert-rules/${rule.id}/backtest`, w) });
  const ran = run.variables;
  const result = run.data;
  const days = result && ran ? firingsPerDay(result.firings, result.from ?? ran.from, result.to ?? ran.to) : [];
  return (
    <section className="panel panel-wide" aria-label="Back-test" aria-busy={run.isPending} data-panel="alert-rules-backtest">
      <header className="panel-head">
        <div>
          <h2>Back-test</h2>
          <p className="panel-sub">The days this rule would have started firing, from the events known now (pending time and repeats play no part)</p>
        </div>
      </header>
      <form
        className="filters"
        aria-label="Back-test window"
        onSubmit={(e) => {
          e.preventDefault();
          run.mutate({ from, to });
        }}
      >
        <label className="filter">
          <span>From</span>
          <input type="date" name="from" value={from} onChange={(e) => e.target.value && update({ from: e.target.value })} />
        </label>
        <label className="filter">
          <span>To</span>
          <input type="date" name="to" value={to} onChange={(e) => e.target.value && update({ to: e.target.value })} />
        </label>
        <button type="submit" className="btn-primary" disabled={run.isPending} style={{ alignSelf: 'end' }}>
          {run.isPending ? 'Back-testing…' : 'Run back-test'}
        </button>
      </form>
      {run.isPending && <Loading label="Evaluating the rule at the end of every day…" />}
      {run.error && <ErrorNote error={run.error} />}
      {result && ran && !run.isPending && (
        <div data-query={`from=${ran.from}&to=${ran.to}`}>
          <p style={{ fontSize: 18 }}>
            Would have fired <Figure figure="alert-rules/backtest.perWeek" value={result.perWeek} className="figure stat-value" /> times a week{' '}
            <span className="muted small">
              (<Figure figure="alert-rules/backtest.firings.length" value={result.firings.length} format="count" /> {result.firings.length === 1 ? 'start' : 'starts'} from {ran.from} to {ran.to})
            </span>
          </p>
          <EChart
            label={`Back-test firings per day of ${rule.name}`}
            height={140}
            option={{
              grid: { left: 32, right: 8, top: 10, bottom: 24 },
              tooltip: { trigger: 'axis' },
              xAxis: { type: 'category', data: days.map((d) => d.date), axisLabel: { color: COLORS.axis } },
              yAxis: { type: 'value', minInterval: 1, axisLabel: { color: COLORS.axis }, splitLine: { lineStyle: { color: COLORS.grid } } },
              series: [{ type: 'bar', name: 'alerts started', data: days.map((d) => d.count), color: COLORS.p95 }],
            }}
          />
          {result.firings.length > 0 && (
            <div className="table-scroll">
              <table className="table" aria-label="Back-test firings">
                <thead>
                  <tr>
                    <th>day</th>
                    <th>subject</th>
                    <th className="num">value</th>
                  </tr>
                </thead>
                <tbody>
                  {result.firings.slice(0, SHOWN_FIRINGS).map((f, i) => (
                    <tr key={`${f.date}-${f.subject.type}-${f.subject.id}`}>
                      <td><Figure figure={`alert-rules/backtest.firings[${i}].date`} value={f.date} format="date" /></td>
                      <td><SubjectLink subject={f.subject} /></td>
                      <td className="num"><Figure figure={`alert-rules/backtest.firings[${i}].value`} value={f.value} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {result.firings.length > SHOWN_FIRINGS && <p className="muted small">The first {SHOWN_FIRINGS} of {result.firings.length} starts.</p>}
            </div>
          )}
        </div>
      )}
    </section>
  );
}
