export { generateDemoHistory, FIRST_CHANGELOG_ID } from './lib/demo-history.generator';
export type { DemoDelivery, DemoHistory, DemoHistoryOptions, DemoHistorySummary } from './lib/demo-history.types';
export { FIRST_ISSUE_ID } from './lib/plan/issue.planner';
export { DEMO_WORKFLOW_MAPS, type DemoStageCategory, type DemoWorkflowMap } from './lib/demo-workflow-maps';
export { SITE_URL as DEMO_JIRA_SITE_URL } from './lib/catalog/people.catalog';
export { demoOrganisation, type DemoOrganisation, type DemoTeam } from './lib/demo-organisation';
export { demoRiskDeliveries } from './lib/demo-risk.overlay';
export { demoAlertRules, type DemoAlertRule } from './lib/demo-alert-rules';
