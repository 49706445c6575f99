// The dashboard's pages: each route and its place in the side navigation. To add a page, make
// `pages/<name>/<name>.page.tsx` and list it here (see apps/web/README.md).
import { CapacityPage } from './capacity/capacity.page';
import { FlowPage } from './flow/flow.page';
import { OverviewPage } from './overview/overview.page';
import { RiskPage } from './risk/risk.page';
import type { PageDefinition } from './page';
import { TeamsPage } from './teams/teams.page';

export const PAGES: readonly PageDefinition[] = [
  { path: '/', title: 'Portfolio overview', component: OverviewPage, nav: { group: 'analytics', label: 'Overview', order: 10 } },
  { path: '/flow', title: 'Board flow', component: FlowPage, nav: { group: 'analytics', label: 'Board flow', order: 20 } },
  { path: '/capacity', title: 'Capacity', component: CapacityPage, nav: { group: 'analytics', label: 'Capacity', order: 30 } },
  { path: '/risk', title: 'Delivery risk', component: RiskPage, nav: { group: 'analytics', label: 'Risk', order: 40 } },
  { path: '/teams', title: 'Teams', component: TeamsPage, nav: { group: 'settings', label: 'Teams', order: 10 } },
];
