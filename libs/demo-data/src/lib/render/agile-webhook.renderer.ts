import { jiraUser, SITE_URL } from '../catalog/people.catalog';
import type { DemoProject } from '../catalog/project.catalog';
import { SPRINT_BOARD_ID, type SprintPlan } from '../plan/sprint.schedule';
import type { VersionPlan } from '../plan/version.schedule';
import { sprintObject, versionObject } from './agile-catalog';

export type Body = Record<string, unknown>;

function sprintPayload(sprint: SprintPlan, at: number): Body {
  return {
    self: `${SITE_URL}/rest/agile/1.0/sprint/${sprint.id}`,
    ...sprintObject(sprint, at),
    createdDate: new Date(sprint.createdAt).toISOString(),
    originBoardId: SPRINT_BOARD_ID,
  };
}

export type SprintWebhookEvent = 'sprint_created' | 'sprint_updated' | 'sprint_started' | 'sprint_closed';

/** A sprint webhook as of `at`; `sprint_updated` carries the sprint as it was just before. */
export function sprintWebhook(event: SprintWebhookEvent, sprint: SprintPlan, at: number, timestamp: number): Body {
  return {
    timestamp,
    webhookEvent: event,
    sprint: sprintPayload(sprint, at),
    ...(event === 'sprint_updated' ? { oldValue: sprintPayload(sprint, at - 1) } : {}),
  };
}

export type VersionWebhookEvent = 'jira:version_created' | 'jira:version_updated' | 'jira:version_released';

export function versionWebhook(event: VersionWebhookEvent, version: VersionPlan, at: number, timestamp: number): Body {
  return { timestamp, webhookEvent: event, version: versionObject(version, at) };
}

export function projectCreatedWebhook(project: DemoProject, timestamp: number): Body {
  const avatar = `${SITE_URL}/rest/api/2/universal_avatar/view/type/project/avatar/${project.avatarId}`;
  return {
    timestamp,
    webhookEvent: 'project_created',
    project: {
      self: `${SITE_URL}/rest/api/2/project/${project.id}`,
      id: Number(project.id),
      key: project.key,
      name: project.name,
      avatarUrls: { '48x48': avatar, '24x24': `${avatar}?size=small`, '16x16': `${avatar}?size=xsmall`, '32x32': `${avatar}?size=medium` },
      projectLead: jiraUser(project.lead),
      assigneeType: 'admin.assignee.type.unassigned',
    },
  };
}
