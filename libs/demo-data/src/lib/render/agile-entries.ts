import type { DemoProject } from '../catalog/project.catalog';
import type { SprintPlan } from '../plan/sprint.schedule';
import type { VersionPlan } from '../plan/version.schedule';
import { projectCreatedWebhook, sprintWebhook, versionWebhook } from './agile-webhook.renderer';
import type { TimelineEntry } from './issue-entries';

export function projectEntries(projects: readonly DemoProject[], at: number): TimelineEntry[] {
  return projects.map((project, index) => ({ at: at + index * 47_000, render: (timestamp) => projectCreatedWebhook(project, timestamp) }));
}

export function sprintEntries(sprint: SprintPlan): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    { at: sprint.createdAt, render: (timestamp) => sprintWebhook('sprint_created', sprint, sprint.createdAt, timestamp) },
    { at: sprint.plannedAt, render: (timestamp) => sprintWebhook('sprint_updated', sprint, sprint.plannedAt, timestamp) },
    { at: sprint.startAt, render: (timestamp) => sprintWebhook('sprint_started', sprint, sprint.startAt, timestamp) },
  ];
  const { closeAt } = sprint;
  if (closeAt !== null) entries.push({ at: closeAt, render: (timestamp) => sprintWebhook('sprint_closed', sprint, closeAt, timestamp) });
  return entries;
}

export function versionEntries(version: VersionPlan): TimelineEntry[] {
  const entries: TimelineEntry[] = [{ at: version.createdAt, render: (timestamp) => versionWebhook('jira:version_created', version, version.createdAt, timestamp) }];
  const { slip, releasedAt } = version;
  if (slip !== null) entries.push({ at: slip.at, render: (timestamp) => versionWebhook('jira:version_updated', version, slip.at, timestamp) });
  if (releasedAt !== null) entries.push({ at: releasedAt, render: (timestamp) => versionWebhook('jira:version_released', version, releasedAt, timestamp) });
  return entries;
}
