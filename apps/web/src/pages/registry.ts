// The dashboard's pages: each route and its place in the side navigation. To add a page, make
// `pages/<name>/<name>.page.tsx` and list it here (see apps/web/README.md).
import { AlertChannelsPage } from './alert-channels/alert-channels.page';
import { AlertRulesPage } from './alert-rules/alert-rules.page';
import { AlertsPage } from './alerts/alerts.page';
import { AuditPage } from './audit/audit.page';
import { CapacityPage } from './capacity/capacity.page';
import { ApiKeysPage } from './api-keys/api-keys.page';
import { ConnectorsPage } from './connectors/connectors.page';
import { DigestsPage } from './digests/digests.page';
import { FlowPage } from './flow/flow.page';
import { ForecastPage } from './forecast/forecast.page';
import { ImportsPage } from './imports/imports.page';
import { ItemPage } from './item/item.page';
import { OverviewPage } from './overview/overview.page';
import { RiskPage } from './risk/risk.page';
import type { PageDefinition } from './page';
import { PortfoliosPage } from './portfolios/portfolios.page';
import { TeamsPage } from './teams/teams.page';
import { WorkflowsPage } from './workflows/workflows.page';

export const PAGES: readonly PageDefinition[] = [
  { path: '/', title: 'Portfolio overview', component: OverviewPage, nav: { group: 'analytics', label: 'Overview', order: 10 } },
  { path: '/flow', title: 'Board flow', component: FlowPage, nav: { group: 'analytics', label: 'Board flow', order: 20 } },
  { path: '/forecast', title: 'Forecasts', component: ForecastPage, nav: { group: 'analytics', label: 'Forecasts', order: 30 } },
  { path: '/capacity', title: 'Capacity', component: CapacityPage, nav: { group: 'analytics', label: 'Capacity', order: 32 } },
  { path: '/risk', title: 'Delivery risk', component: RiskPage, nav: { group: 'analytics', label: 'Risk', order: 35 } },
  { path: '/alerts', title: 'Alerts', component: AlertsPage, nav: { group: 'analytics', label: 'Alerts', order: 38 } },
  { path: '/items/:itemKey', title: 'Item', component: ItemPage },
  { path: '/settings/workflows', title: 'Workflow maps', component: WorkflowsPage, nav: { group: 'settings', label: 'Workflow maps', order: 10 } },
  { path: '/settings/connectors', title: 'Connectors', component: ConnectorsPage, nav: { group: 'settings', label: 'Connectors', order: 20 }, minRole: 'admin' },
  { path: '/settings/imports', title: 'Imports', component: ImportsPage, nav: { group: 'settings', label: 'Imports', order: 30 }, minRole: 'admin' },
  { path: '/settings/api-keys', title: 'API keys', component: ApiKeysPage, nav: { group: 'settings', label: 'API keys', order: 40 }, minRole: 'admin' },
  { path: '/teams', title: 'Teams', component: TeamsPage, nav: { group: 'settings', label: 'Teams', order: 15 } },
  { path: '/portfolios', title: 'Portfolios', component: PortfoliosPage, nav: { group: 'settings', label: 'Portfolios', order: 16 } },
  { path: '/alert-rules', title: 'Alert rules', component: AlertRulesPage, nav: { group: 'settings', label: 'Alert rules', order: 50 } },
  { path: '/alert-channels', title: 'Alert channels', component: AlertChannelsPage, nav: { group: 'settings', label: 'Alert channels', order: 55 } },
  { path: '/digests', title: 'Digests', component: DigestsPage, nav: { group: 'settings', label: 'Digests', order: 57 } },
  // The address a channel's test message links to (FLOWLENS_PUBLIC_URL + /settings/alert-channels).
  { path: '/settings/alert-channels', title: 'Alert channels', component: AlertChannelsPage },
  { path: '/audit', title: 'Audit log', component: AuditPage, nav: { group: 'settings', label: 'Audit log', order: 90 }, minRole: 'admin' },
];
