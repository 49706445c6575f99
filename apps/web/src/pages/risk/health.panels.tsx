import { Figure, Stat } from '../../components/figure';
import { Panel } from '../../components/panel';
import { axisStyle, baseGrid } from '../../components/chart-theme';
import type { Concentration, QualityTrend, RiskSummary } from '../../lib/api-types';
import { LEVEL_BADGE } from '../../lib/risk-data';
import { useApi } from '../../lib/use-api';

/** The roll-up per board: level, reasons and the count of each signal. */
export function SummaryPanel({ query }: { query: URLSearchParams }) {
  const summary = useApi<RiskSummary>('risk/summary', query);
  return (
    <Panel title="Risk roll-up" subtitle="Per board: a level low / medium / high with the reasons that set it" name="risk-summary" wide query={summary}
      isEmpty={(d) => d.items.length === 0} emptyText="No board in scope."
      csv={(d) => d.items.map((s) => ({ id: s.id, level: s.level, reasons: s.reasons.join('; '), ...s.counts }))}>
      {(d) => (
        <table className="table">
          <thead><tr><th>Board</th><th>Level</th><th>Reasons</th><th className="num">Aging</th><th className="num">Blocked</th><th className="num">Due date</th><th className="num">Releases at risk</th><th className="num">Dependencies</th></tr></thead>
          <tbody>
            {d.items.map((s) => {
              const at = `risk/summary.items[id=${s.id}]`;
              return (
                <tr key={s.id}>
                  <td>{s.name}</td>
                  <td><span className={LEVEL_BADGE[s.level]}><Figure figure={`${at}.level`} value={s.level} format="text" /></span></td>
                  <td>{s.reasons.join('; ') || '—'}</td>
                  {(['aging', 'blocked', 'dueDate', 'releasesAtRisk', 'dependencies'] as const).map((c) => (
                    <td key={c} className="num"><Figure figure={`${at}.counts.${c}`} value={s.counts[c]} format="count" /></td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Panel>
  );
}

/** Concentration of done work as shares (no names), and quality over the window. */
export function HealthPanels({ query }: { query: URLSearchParams }) {
  const concentration = useApi<{ items: Concentration[] }>('risk/concentration', query);
  const weekly = new URLSearchParams(query);
  weekly.set('interval', 'week');
  const quality = useApi<QualityTrend>('quality', weekly);
  return (
    <>
      <Panel title="Concentration of done work" subtitle="Share done by the busiest assignee and how many people did 80%; flagged above 50% with 10 or more done" name="risk-concentration" query={concentration}
        isEmpty={(d) => d.items.length === 0} emptyText="Nothing done in this window."
        csv={(d) => d.items.map((c) => ({ ...c }))}>
        {(d) => (
          <table className="table">
            <thead><tr><th>Board</th><th className="num">Done</th><th className="num">Top share</th><th className="num">People for 80%</th></tr></thead>
            <tbody>
              {d.items.map((c) => {
                const at = `risk/concentration.items[boardId=${c.boardId}]`;
                return (
                  <tr key={c.boardId}><td>{c.boardId} {c.flagged && <span className="badge badge-warn">concentrated</span>}</td>
                    <td className="num"><Figure figure={`${at}.done`} value={c.done} format="count" /></td>
                    <td className="num"><Figure figure={`${at}.topShare`} value={c.topShare} format="share" /></td>
                    <td className="num"><Figure figure={`${at}.peopleFor80`} value={c.peopleFor80} format="count" /></td></tr>
                );
              })}
            </tbody>
          </table>
        )}
      </Panel>
      <Panel title="Quality" subtitle="Reopened items, defect share of what was created, and defect net flow in the window, and week by week" name="risk-quality" query={quality}
        csv={(d) => d.series.map((w) => ({ from: w.from, to: w.to, reopenRate: w.reopenRate, reopened: w.reopened, done: w.done, defectShare: w.defectShare, defectsCreated: w.defectsCreated, defectsDone: w.defectsDone, defectNetFlow: w.defectNetFlow }))}
        chart={(d) => ({
          height: 240,
          option: {
            grid: { ...baseGrid, top: 30 },
            legend: { top: 0 },
            tooltip: { trigger: 'axis' },
            xAxis: { type: 'category', data: d.series.map((w) => w.from), ...axisStyle },
            yAxis: [
              { type: 'value', min: 0, max: 1, name: 'share', ...axisStyle },
              { type: 'value', name: 'defects', minInterval: 1, ...axisStyle },
            ],
            series: [
              { name: 'Reopen rate', type: 'line', data: d.series.map((w) => w.reopenRate) },
              { name: 'Defect share', type: 'line', data: d.series.map((w) => w.defectShare) },
              { name: 'Defect net flow', type: 'bar', yAxisIndex: 1, data: d.series.map((w) => w.defectNetFlow) },
            ],
          },
        })}>
        {(d) => (
          <div className="stats">
            <Stat label="Reopen rate" figure="quality.reopenRate" value={d.reopenRate} format="share" />
            <Stat label="Reopened" figure="quality.reopened" value={d.reopened} format="count" />
            <Stat label="Defect share" figure="quality.defectShare" value={d.defectShare} format="share" />
            <Stat label="Defects created" figure="quality.defectsCreated" value={d.defectsCreated} format="count" />
            <Stat label="Defects done" figure="quality.defectsDone" value={d.defectsDone} format="count" />
            <Stat label="Defect net flow" figure="quality.defectNetFlow" value={d.defectNetFlow} format="count" />
          </div>
        )}
      </Panel>
    </>
  );
}
