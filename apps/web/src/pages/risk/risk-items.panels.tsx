import { Figure, Stat } from '../../components/figure';
import { ItemLink } from '../../components/item-link';
import { Panel } from '../../components/panel';
import type { Dependency, RiskItems } from '../../lib/api-types';
import { itemsWith } from '../../lib/risk-data';
import { useApi } from '../../lib/use-api';

const sel = (key: string) => `risk/items.items[itemKey=${key}]`;

/** Aging beyond the SLE, blocked now, and due-date risk: one table each, from `/risk/items`. */
export function RiskItemsPanels({ query }: { query: URLSearchParams }) {
  const risk = useApi<RiskItems>('risk/items', query);
  return (
    <>
      <Panel title="Aging beyond the SLE" subtitle="In-progress items older than their board's SLE (p85 of recent cycle times), with their pace" name="risk-aging" query={risk}
        isEmpty={(d) => itemsWith(d.items, 'aging').length === 0} emptyText="No item is older than its SLE."
        csv={(d) => itemsWith(d.items, 'aging').map((i) => ({ itemKey: i.itemKey, boardId: i.boardId, ageDays: i.ageDays, sleDays: i.sleDays, pace: i.pace }))}>
        {(d) => (
          <table className="table">
            <thead><tr><th>Item</th><th>Board</th><th className="num">Age</th><th className="num">SLE</th><th className="num">Pace</th></tr></thead>
            <tbody>
              {itemsWith(d.items, 'aging').map((i) => (
                <tr key={i.itemKey}><td><ItemLink itemKey={i.itemKey} /></td><td>{i.boardId}</td>
                  <td className="num"><Figure figure={`${sel(i.itemKey)}.ageDays`} value={i.ageDays} format="days" /></td>
                  <td className="num"><Figure figure={`${sel(i.itemKey)}.sleDays`} value={i.sleDays} format="days" /></td>
                  <td className="num"><Figure figure={`${sel(i.itemKey)}.pace`} value={i.pace} format="share" /></td></tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
      <Panel title="Blocked now" subtitle="In-progress items blocked at this instant, with the length of the current spell" name="risk-blocked" query={risk}
        csv={(d) => itemsWith(d.items, 'blocked').map((i) => ({ itemKey: i.itemKey, boardId: i.boardId, blockedDays: i.blockedDays }))}>
        {(d) => (
          <>
            <div className="stats">
              <Stat label="Blocked" figure="risk/items.blocked" value={d.blocked} format="count" />
              <Stat label="Blocked share of WIP" figure="risk/items.blockedShare" value={d.blockedShare} format="share" />
              <Stat label="In progress" figure="risk/items.inProgress" value={d.inProgress} format="count" />
            </div>
            <table className="table">
              <thead><tr><th>Item</th><th>Board</th><th className="num">Blocked for</th></tr></thead>
              <tbody>
                {itemsWith(d.items, 'blocked').map((i) => (
                  <tr key={i.itemKey}><td><ItemLink itemKey={i.itemKey} /></td><td>{i.boardId}</td><td className="num"><Figure figure={`${sel(i.itemKey)}.blockedDays`} value={i.blockedDays} format="days" /></td></tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </Panel>
      <Panel title="Due-date risk" subtitle="Not-done items whose chance of finishing by their due date is below the threshold" name="risk-due" query={risk}
        isEmpty={(d) => itemsWith(d.items, 'due-date').length === 0} emptyText="No due date is at risk."
        csv={(d) => itemsWith(d.items, 'due-date').map((i) => ({ itemKey: i.itemKey, boardId: i.boardId, dueDate: i.dueDate, pOnTime: i.pOnTime }))}>
        {(d) => (
          <table className="table">
            <thead><tr><th>Item</th><th>Board</th><th>Due</th><th className="num">P(on time)</th></tr></thead>
            <tbody>
              {itemsWith(d.items, 'due-date').map((i) => (
                <tr key={i.itemKey}><td><ItemLink itemKey={i.itemKey} /></td><td>{i.boardId}</td>
                  <td><Figure figure={`${sel(i.itemKey)}.dueDate`} value={i.dueDate} format="date" /></td>
                  <td className="num"><Figure figure={`${sel(i.itemKey)}.pOnTime`} value={i.pOnTime} format="share" /></td></tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
    </>
  );
}

/** The dependency ledger: every link whose dependent is not done. */
export function DependenciesPanel({ query }: { query: URLSearchParams }) {
  const deps = useApi<{ items: Dependency[] }>('risk/dependencies', query);
  return (
    <Panel title="Dependency ledger" subtitle="Issue links whose dependent item is not done; open while the blocker is not done" name="risk-dependencies" wide query={deps}
      isEmpty={(d) => d.items.length === 0} emptyText="No dependency links."
      csv={(d) => d.items.map((x) => ({ ...x }))}>
      {(d) => (
        <table className="table">
          <thead><tr><th>Item</th><th>Blocked by</th><th>Boards</th><th>Cross-team</th><th>Open</th><th className="num">Age</th></tr></thead>
          <tbody>
            {d.items.map((x, i) => (
              <tr key={`${x.itemKey}-${x.blockedByKey}`}><td><ItemLink itemKey={x.itemKey} /></td><td><ItemLink itemKey={x.blockedByKey} /></td><td>{x.boardId} ← {x.blockedByBoardId}</td>
                <td>{x.crossTeam ? <span className="badge badge-warn">cross-team</span> : 'same team'}</td>
                <td><Figure figure={`risk/dependencies.items[${i}].open`} value={x.open} format="text" /></td>
                <td className="num"><Figure figure={`risk/dependencies.items[${i}].ageDays`} value={x.ageDays} format="days" /></td></tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}
