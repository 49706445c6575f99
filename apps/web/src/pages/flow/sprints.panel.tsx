import { axisStyle, baseGrid, COLORS } from '../../components/chart-theme';
import { Figure } from '../../components/figure';
import { Panel } from '../../components/panel';
import type { Sprints } from '../../lib/api-types';
import { useApi } from '../../lib/use-api';

export function SprintsPanel({ query }: { query: URLSearchParams }) {
  const sprints = useApi<Sprints>('metrics/sprints', query);
  return (
    <Panel
      title="Sprints"
      subtitle="Say/do (done by close of what was committed at start) and scope added after start"
      name="sprints"
      wide
      query={sprints}
      isEmpty={(d) => d.items.length === 0}
      emptyText="No sprint overlaps this window (Trello boards and Kanban projects have none)."
      csv={(d) => d.items.map((s) => ({ sprint: s.name, state: s.state, startAt: s.startAt, completeAt: s.completeAt, committed: s.committed, completed: s.completed, predictability: s.predictability, added: s.added, removed: s.removed }))}
      chart={(d) => ({
        height: 260,
        option: {
          grid: { ...baseGrid, top: 36 },
          legend: { top: 0 },
          tooltip: { trigger: 'axis' },
          xAxis: { type: 'category', data: d.items.map((s) => s.name), ...axisStyle },
          yAxis: { type: 'value', minInterval: 1, ...axisStyle },
          series: [
            { type: 'bar', name: 'committed', data: d.items.map((s) => s.committed), itemStyle: { color: '#cbd5e1' } },
            { type: 'bar', name: 'completed', data: d.items.map((s) => s.completed), itemStyle: { color: COLORS.primary } },
            { type: 'bar', name: 'added after start', data: d.items.map((s) => s.added), itemStyle: { color: '#f59e0b' } },
          ],
        },
      })}
    >
      {(d) => (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th>Sprint</th>
                <th>State</th>
                <th className="num">Committed</th>
                <th className="num">Completed</th>
                <th className="num">Say/do</th>
                <th className="num">Added</th>
                <th className="num">Removed</th>
              </tr>
            </thead>
            <tbody>
              {d.items.map((s) => {
                const at = `sprints.items[sprintId=${s.sprintId}]`;
                return (
                  <tr key={s.sprintId}>
                    <td>{s.name}</td>
                    <td>{s.state}</td>
                    <td className="num"><Figure figure={`${at}.committed`} value={s.committed} format="count" /></td>
                    <td className="num"><Figure figure={`${at}.completed`} value={s.completed} format="count" /></td>
                    <td className="num"><Figure figure={`${at}.predictability`} value={s.predictability} format="share" /></td>
                    <td className="num"><Figure figure={`${at}.added`} value={s.added} format="count" /></td>
                    <td className="num"><Figure figure={`${at}.removed`} value={s.removed} format="count" /></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}
