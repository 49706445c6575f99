import type { ECharts } from 'echarts/core';
import { type ReactNode, useRef } from 'react';
import { type CsvRow, download, downloadCsv } from '../lib/csv';
import { EChart, type ChartClick, type ChartOption } from './echart';
import { Empty, ErrorNote, Loading } from './query-state';

interface QueryLike<T> {
  readonly data: T | undefined;
  readonly error: Error | null;
  readonly isPending: boolean;
  readonly isFetching: boolean;
}

export interface ChartSpec {
  readonly option: ChartOption;
  readonly height?: number;
  readonly onClick?: (event: ChartClick) => void;
}

interface Props<T> {
  readonly title: string;
  readonly subtitle?: string;
  /** File names of the exports: `<name>.csv`, `<name>.png`. */
  readonly name: string;
  readonly query: QueryLike<T>;
  readonly isEmpty?: (data: T) => boolean;
  readonly emptyText?: string;
  readonly csv?: (data: T) => CsvRow[];
  readonly chart?: (data: T) => ChartSpec;
  readonly children?: (data: T) => ReactNode;
  readonly wide?: boolean;
  readonly dataQuery?: string;
}

/**
 * A card holding one chart and its figures: loading, empty and error states, CSV and PNG
 * export. `aria-busy` is true while its data is being fetched (shown figures may be stale).
 */
export function Panel<T>({ title, subtitle, name, query, isEmpty, emptyText, csv, chart, children, wide, dataQuery }: Props<T>) {
  const instance = useRef<ECharts | null>(null);
  const data = query.data;
  const empty = data !== undefined && isEmpty?.(data) === true;
  const spec = data !== undefined && !empty && chart ? chart(data) : null;
  const exportPng = () => {
    if (!instance.current) return;
    download(`${name}.png`, instance.current.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' }));
  };
  return (
    <section className={`panel${wide ? ' panel-wide' : ''}`} aria-busy={query.isFetching} aria-label={title} data-panel={name} data-query={dataQuery}>
      <header className="panel-head">
        <div>
          <h2>{title}</h2>
          {subtitle && <p className="panel-sub">{subtitle}</p>}
        </div>
        <div className="panel-tools">
          {csv && data !== undefined && !empty && (
            <button type="button" className="btn-ghost" onClick={() => downloadCsv(`${name}.csv`, csv(data))} title="Download the data as CSV">
              CSV
            </button>
          )}
          {spec && (
            <button type="button" className="btn-ghost" onClick={exportPng} title="Download the chart as PNG">
              PNG
            </button>
          )}
        </div>
      </header>
      {query.error && !data ? (
        <ErrorNote error={query.error} />
      ) : query.isPending ? (
        <Loading />
      ) : data === undefined ? null : empty ? (
        <Empty>{emptyText ?? 'Nothing in this window for these filters.'}</Empty>
      ) : (
        <>
          {query.error && <ErrorNote error={query.error} />}
          {children?.(data)}
          {spec && <EChart option={spec.option} height={spec.height} label={title} onClick={spec.onClick} onInstance={(c) => (instance.current = c)} />}
        </>
      )}
    </section>
  );
}
