import type { UseQueryResult } from '@tanstack/react-query';
import { Link } from 'react-router';
import { EChart } from '../../components/echart';
import { COLORS } from '../../components/chart-theme';
import { Stat } from '../../components/figure';
import { ErrorNote, Loading } from '../../components/query-state';
import type { Aging, FlowFramework, Throughput } from '../../lib/api-types';
import type { AlertInstance } from '../../lib/alert-types';
import { AlertBadge } from './alert-badge';
import { RiskBadge, type RiskRollUp } from './risk-badge';

export interface BoardFigures {
  readonly boardId: string;
  readonly throughput: UseQueryResult<Throughput, Error>;
  readonly framework: UseQueryResult<FlowFramework, Error>;
  readonly aging: UseQueryResult<Aging, Error>;
}

/** One board at a glance; the whole tile opens the board's flow page with the same filters. */
export function BoardTile({ board, search, risk, firing }: { board: BoardFigures; search: URLSearchParams; risk: RiskRollUp; firing?: readonly AlertInstance[] }) {
  const { boardId, throughput, framework, aging } = board;
  const link = new URLSearchParams(search);
  link.delete('sort');
  link.set('boardId', boardId);
  const error = throughput.error ?? framework.error ?? aging.error;
  const ready = throughput.data && framework.data && aging.data;
  const beyond = aging.data?.itemsBeyond?.p85 ?? 0;
  const busy = throughput.isFetching || framework.isFetching || aging.isFetching;
  return (
    <Link to={`/flow?${link.toString()}`} className="tile" data-query={`boardId=${boardId}`} aria-busy={busy} aria-label={`Board ${boardId}`}>
      <div className="tile-head">
        <span className="tile-title">{boardId}</span>
        <RiskBadge rollUp={risk} id={boardId} by="board" />
        <AlertBadge alerts={firing} />
        {aging.data && <span className={`badge ${beyond === 0 ? 'badge-good' : beyond > 3 ? 'badge-bad' : 'badge-warn'}`}>{beyond === 0 ? 'no item beyond p85' : `${beyond} aging beyond p85`}</span>}
      </div>
      {error ? (
        <ErrorNote error={error} />
      ) : !ready ? (
        <Loading />
      ) : (
        <>
          <div className="stats">
            <Stat label="Finished" figure="throughput.total" value={throughput.data.total} format="count" />
            <Stat label="WIP" figure="flow-framework.load" value={framework.data.load} format="count" />
            <Stat label="Cycle time p85" figure="flow-framework.time.p85" value={framework.data.time.p85} format="days" />
            <Stat label="Flow efficiency" figure="flow-framework.efficiency.efficiency" value={framework.data.efficiency.efficiency} format="share" />
            <Stat label="Aging > p85" figure="aging.itemsBeyond.p85" value={aging.data.itemsBeyond?.p85 ?? null} format="count" />
          </div>
          <EChart
            label={`Weekly throughput of ${boardId}`}
            height={70}
            option={{
              grid: { left: 2, right: 2, top: 6, bottom: 2 },
              xAxis: { type: 'category', show: false, data: throughput.data.series.map((p) => p.start) },
              yAxis: { type: 'value', show: false, min: 0 },
              tooltip: { trigger: 'axis', confine: true },
              series: [{ type: 'line', name: 'finished', smooth: true, symbol: 'none', data: throughput.data.series.map((p) => p.count), color: COLORS.primary, areaStyle: { color: COLORS.primarySoft } }],
            }}
          />
        </>
      )}
    </Link>
  );
}
