import { Logger } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import { issueApiKey, randomToken, sha256Hex } from '@flowlens/auth';
import { teamSchema } from '@flowlens/capacity';
import { alertRuleInputSchema } from '@flowlens/alerting';
import { DEMO_WORKFLOW_MAPS, demoAlertRules, demoOrganisation, demoRiskDeliveries, generateDemoHistory } from '@flowlens/demo-data';
import { AlertRuleStore } from '@flowlens/feature-alerting';
import { WebhookIntakeService } from '@flowlens/feature-ingest';
import { AlertChannelEntity, ConnectorRepository, PortfolioRepository, TeamRepository, WorkflowMapRepository, WorkspaceRepository } from '@flowlens/persistence';
import { DataSource } from 'typeorm';

export interface SeededDemo {
  readonly workspaceId: string;
  readonly apiKey: string;
  readonly deliveries: number;
}

// PGlite serves one query at a time; more in flight only queue up (and trip its listener warning).
const CONCURRENCY = 8;

/**
 * On a first start (no workspace yet), creates the demo workspace and feeds a realistic Jira
 * history through the real webhook intake — connector, normaliser, log, projector, ClickHouse —
 * so a new user sees figures at once.
 */
export async function seedDemoWorkspace(app: INestApplication, now = Date.now()): Promise<SeededDemo | null> {
  const logger = new Logger('DemoSeeder');
  const workspaces = app.get(WorkspaceRepository);
  if ((await workspaces.list()).length > 0) return null;

  const key = issueApiKey();
  const workspace = await workspaces.create({
    name: 'Demo: Acme Portfolio',
    timezone: 'Europe/London',
    firstKey: { name: 'demo', prefix: key.prefix, keyHash: key.hash, role: 'admin' },
  });
  const token = randomToken(24);
  const connector = await app.get(ConnectorRepository).create({
    workspaceId: workspace.id,
    type: 'jira',
    name: 'Acme Jira Cloud (demo)',
    secret: null,
    tokenHash: sha256Hex(token),
    callbackUrl: null,
    settings: {},
  });
  for (const map of DEMO_WORKFLOW_MAPS) {
    await app.get(WorkflowMapRepository).saveVersion(workspace.id, map.boardId, map.stages.map((s) => ({ ...s, statuses: [...s.statuses] })), 'demo-seed');
  }
  // A team per board with its calendar, and a portfolio of them all.
  const organisation = demoOrganisation(now);
  const teamIds: string[] = [];
  for (const team of organisation.teams) teamIds.push((await app.get(TeamRepository).create(workspace.id, teamSchema.parse(team))).id);
  const portfolio = await app.get(PortfolioRepository).create(workspace.id, { ...organisation.portfolio, teamIds, boardIds: [] });
  await seedDemoAlertRules(app, workspace.id, portfolio.id);

  const history = generateDemoHistory({ now });
  const intake = app.get(WebhookIntakeService);
  const receive = (body: Record<string, unknown>) =>
    intake.receive('jira', connector.id, { rawBody: Buffer.from(JSON.stringify(body), 'utf8'), body, headers: { 'content-type': 'application/json' }, token });
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < history.deliveries.length) {
        const delivery = history.deliveries[next++] as (typeof history.deliveries)[number];
        await receive(delivery.body);
      }
    }),
  );
  // Links and epics refer to issues of the history, so they go in after it, in order.
  const risk = demoRiskDeliveries(history, now);
  for (const delivery of risk) await receive(delivery.body);
  logger.log(`demo workspace ${workspace.id} seeded with ${history.deliveries.length + risk.length} Jira deliveries`);
  return { workspaceId: workspace.id, apiKey: key.key, deliveries: history.deliveries.length + risk.length };
}

/**
 * A log channel (notifications go to the server log: nothing leaves the machine) and the demo
 * rules on it, when this process serves the rules; the schedule evaluates them shortly after start.
 */
async function seedDemoAlertRules(app: INestApplication, workspaceId: string, portfolioId: string): Promise<void> {
  const rules = app.get(AlertRuleStore, { strict: false }) as AlertRuleStore | undefined;
  if (!rules) return;
  const channels = app.get(DataSource).getRepository(AlertChannelEntity);
  const channel = await channels.save(channels.create({ workspaceId, type: 'log', name: 'Server log (demo)', recipients: [] }));
  for (const rule of demoAlertRules(portfolioId)) await rules.create(workspaceId, alertRuleInputSchema.parse({ ...rule, channelIds: [channel.id] }));
}
