import { FilterBar } from '../../components/filter-bar';
import { PageHeader } from '../../components/page-header';
import { Empty, ErrorNote, Loading } from '../../components/query-state';
import type { Aging, FlowFramework, Throughput } from '../../lib/api-types';
import { METRIC_FILTERS, pick, useFilters, windowDefaults } from '../../lib/filters';
import { useSignedIn } from '../../lib/session';
import { useApiMany } from '../../lib/use-api-many';
import { useBoards } from '../../lib/use-boards';
import { type BoardFigures, BoardTile } from './board-tile';
import { PortfolioTiles } from './portfolio-tiles';
import { useRiskRollUp } from './risk-badge';
import { useFiringByBoard } from './alert-badge';

const SORTS: Record<string, { label: string; key: (b: BoardFigures) => number | string }> = {
  board: { label: 'Board', key: (b) => b.boardId },
  throughput: { label: 'Throughput', key: (b) => b.throughput.data?.total ?? -1 },
  wip: { label: 'WIP', key: (b) => b.framework.data?.load ?? -1 },
  p85: { label: 'Cycle time p85', key: (b) => b.framework.data?.time.p85 ?? -1 },
  efficiency: { label: 'Flow efficiency', key: (b) => b.framework.data?.efficiency.efficiency ?? -1 },
  aging: { label: 'Aging beyond p85', key: (b) => b.aging.data?.itemsBeyond?.p85 ?? -1 },
};

/** Portfolio overview: one tile per board, sortable (`sort=<key>` or `-<key>` in the URL). */
export function OverviewPage() {
  const { me } = useSignedIn();
  const { params, update } = useFilters((search) => ({ ...windowDefaults(me.workspace.timezone, search), interval: 'week', sort: 'board' }));
  const { boards, query: boardsQuery } = useBoards();
  const common = pick(params, METRIC_FILTERS.filter((n) => n !== 'boardId'));
  const scoped = (path: string, boardId: string, extra: Record<string, string> = {}) => {
    const p = new URLSearchParams(common);
    p.set('boardId', boardId);
    for (const [k, v] of Object.entries(extra)) p.set(k, v);
    return { path, params: p };
  };
  const throughputs = useApiMany<Throughput>(boards.map((b) => scoped('metrics/throughput', b, { interval: params.get('interval') ?? 'week' })));
  const frameworks = useApiMany<FlowFramework>(boards.map((b) => scoped('metrics/flow-framework', b)));
  const agings = useApiMany<Aging>(boards.map((b) => scoped('metrics/aging', b)));
  const risk = useRiskRollUp(params, 'board');
  const firing = useFiringByBoard();
  const tiles: BoardFigures[] = boards.map((boardId, i) => ({ boardId, throughput: throughputs[i], framework: frameworks[i], aging: agings[i] }) as BoardFigures);

  const sort = params.get('sort') ?? 'board';
  const descending = sort.startsWith('-');
  const by = SORTS[sort.replace(/^-/, '')] ?? SORTS['board'];
  const sorted = [...tiles].sort((a, b) => {
    const [x, y] = [by.key(a), by.key(b)];
    const order = x < y ? -1 : x > y ? 1 : 0;
    return descending ? -order : order;
  });

  return (
    <>
      <PageHeader
        title="Portfolio overview"
        subtitle={`Every board from ${params.get('from')} to ${params.get('to')}; open a tile for its flow`}
        actions={
          <label className="filter">
            <span>Sort by</span>
            <select name="sort" value={sort} onChange={(e) => update({ sort: e.target.value })}>
              {Object.entries(SORTS).flatMap(([key, s]) => [
                <option key={key} value={key}>
                  {s.label} ↑
                </option>,
                <option key={`-${key}`} value={`-${key}`}>
                  {s.label} ↓
                </option>,
              ])}
            </select>
          </label>
        }
      />
      <FilterBar params={params} update={update} show={{ dates: true, type: true, team: true, asOf: true }} />
      <PortfolioTiles params={params} />
      {boardsQuery.error ? (
        <ErrorNote error={boardsQuery.error} />
      ) : boardsQuery.isPending ? (
        <Loading />
      ) : boards.length === 0 ? (
        <Empty>No board has sent events yet. An admin connects Jira or Trello under Settings → Connectors.</Empty>
      ) : (
        <div className="tiles">
          {sorted.map((board) => (
            <BoardTile key={board.boardId} board={board} search={params} risk={risk} firing={firing.get(board.boardId)} />
          ))}
        </div>
      )}
    </>
  );
}
