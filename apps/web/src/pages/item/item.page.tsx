import { CustomChart } from 'echarts/charts';
import * as echarts from 'echarts/core';
import { useParams, useSearchParams } from 'react-router';
import { CATEGORY_COLORS, COLORS } from '../../components/chart-theme';
import { Figure, Stat } from '../../components/figure';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { ErrorNote, Loading } from '../../components/query-state';
import { useTimeZone } from '../../components/use-time-zone';
import type { Connector, Item, Timeline } from '../../lib/api-types';
import { pick } from '../../lib/filters';
import { formatDateTime } from '../../lib/format';
import { hasRole } from '../../lib/roles';
import { useSignedIn } from '../../lib/session';
import { useApi } from '../../lib/use-api';
import { timelineBars } from '../../lib/timeline-data';

echarts.use([CustomChart]);

/** Where the item lives in its source tool: Trello from the card's short link, Jira from the connector's `siteUrl`. */
function sourceLink(item: Item, connectors: Connector[] | undefined): string | null {
  if (/^[0-9a-f]{24}$/.test(item.boardId)) return `https://trello.com/c/${encodeURIComponent(item.itemKey)}`;
  const site = connectors?.find((c) => c.type === 'jira' && typeof c.settings['siteUrl'] === 'string')?.settings['siteUrl'] as string | undefined;
  return site ? `${site.replace(/\/$/, '')}/browse/${encodeURIComponent(item.itemKey)}` : null;
}

export function ItemPage() {
  const { itemKey = '' } = useParams();
  const [search] = useSearchParams();
  const { me } = useSignedIn();
  const zone = useTimeZone();
  const query = pick(search, ['asOf']);
  const path = `items/${encodeURIComponent(itemKey)}`;
  const item = useApi<Item>(path, query);
  const timeline = useApi<Timeline>(`${path}/timeline`, query);
  const connectors = useApi<{ items: Connector[] }>('connectors', undefined, { enabled: hasRole(me.key.role, 'admin') });

  if (item.error) return <ErrorNote error={item.error} />;
  if (!item.data) return <Loading />;
  const d = item.data;
  const link = sourceLink(d, connectors.data?.items);
  return (
    <>
      <PageHeader
        title={`${d.itemKey} · ${d.title ?? 'untitled'}`}
        subtitle={`${d.type ?? 'item'} on board ${d.boardId}${d.assignee?.name ? `, assigned to ${d.assignee.name}` : ''}`}
        actions={
          link ? (
            <a className="btn" href={link} target="_blank" rel="noreferrer">
              Open in {/trello/.test(link) ? 'Trello' : 'Jira'} ↗
            </a>
          ) : (
            <span className="muted small" title="Set siteUrl in the Jira connector's settings to link items">No Jira site URL configured</span>
          )
        }
      />
      <section className="panel" aria-busy={item.isFetching} aria-label="Item">
        <div className="stats">
          <Stat label="Status" figure="items.status" value={d.status} format="text" />
          <Stat label="Stage" figure="items.stage" value={d.stage} format="text" />
          <Stat label="Category" figure="items.stageCategory" value={d.stageCategory} format="text" />
          <Stat label="Created" figure="items.createdAt" value={d.createdAt} format="datetime" />
          <Stat label="Started" figure="items.startedAt" value={d.startedAt} format="datetime" />
          <Stat label="Done" figure="items.doneAt" value={d.doneAt} format="datetime" />
          <Stat label="Blocked" figure="items.blocked" value={d.blocked} format="boolean" />
        </div>
      </section>
      <div className="grid" style={{ marginTop: 16 }}>
        <Panel
          title="Stage timeline"
          subtitle="Each spell in a stage and status; blocked spells in red"
          name={`timeline-${d.itemKey}`}
          wide
          query={timeline}
          isEmpty={(t) => t.segments.length === 0}
          csv={(t) => t.segments.map((s) => ({ from: s.from, to: s.to, stage: s.stage, category: s.category, status: s.status, blocked: s.blocked, days: s.days }))}
          chart={(t) => {
            const { rows, bars } = timelineBars(t.segments, Date.now());
            return {
              height: 80 + rows.length * 34,
              option: {
                grid: { left: 110, right: 24, top: 10, bottom: 30 },
                tooltip: { formatter: (p: { data: { stage: string; status: string; days: number; blocked: boolean } }) => `<b>${p.data.stage}</b> (${p.data.status})<br/>${p.data.days.toFixed(2)} days${p.data.blocked ? '<br/>blocked' : ''}` },
                xAxis: { type: 'time', axisLabel: { color: COLORS.axis } },
                yAxis: { type: 'category', data: rows, inverse: true, axisLabel: { color: '#374151' } },
                series: [
                  {
                    type: 'custom',
                    encode: { x: [1, 2], y: 0 },
                    renderItem: (params: { dataIndex: number }, api: { value(i: number): number; coord(v: [number, number]): [number, number]; size(v: [number, number]): [number, number] }) => {
                      const bar = bars[params.dataIndex];
                      const start = api.coord([api.value(1), api.value(0)]);
                      const end = api.coord([api.value(2), api.value(0)]);
                      const height = api.size([0, 1])[1] * 0.6;
                      const fill = bar?.blocked ? '#dc2626' : (CATEGORY_COLORS[bar?.category ?? 'active'] ?? CATEGORY_COLORS['active'])[1];
                      return { type: 'rect', shape: { x: start[0], y: start[1] - height / 2, width: Math.max(end[0] - start[0], 2), height, r: 3 }, style: { fill } };
                    },
                    data: bars.map((b) => ({ value: [b.row, b.from, b.to], stage: b.stage, status: b.status, days: b.days, blocked: b.blocked })),
                  },
                ],
              },
            };
          }}
        >
          {(t) => (
            <div className="table-scroll">
              <table className="table">
                <thead>
                  <tr>
                    <th>From</th>
                    <th>To</th>
                    <th>Stage</th>
                    <th>Status</th>
                    <th>Blocked</th>
                    <th className="num">Days</th>
                  </tr>
                </thead>
                <tbody>
                  {t.segments.map((s, i) => (
                    <tr key={`${s.from}-${i}`}>
                      <td>{formatDateTime(s.from, zone)}</td>
                      <td>{s.to ? formatDateTime(s.to, zone) : 'now'}</td>
                      <td>
                        <Figure figure={`items/timeline.segments[${i}].stage`} value={s.stage} format="text" />
                      </td>
                      <td>{s.status}</td>
                      <td>{s.blocked ? <span className="badge badge-bad">blocked</span> : ''}</td>
                      <td className="num">
                        <Figure figure={`items/timeline.segments[${i}].days`} value={s.days} format="decimal" />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Panel>
      </div>
    </>
  );
}
