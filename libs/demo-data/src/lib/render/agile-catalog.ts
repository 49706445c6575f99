import { SITE_URL } from '../catalog/people.catalog';
import { sprintStateAt, SPRINT_BOARD_ID, type SprintPlan } from '../plan/sprint.schedule';
import type { VersionPlan } from '../plan/version.schedule';
import { isoDate, jiraUserDate } from '../time.util';

/** Sprints and versions by id, rendered as they looked at a given moment. */
export class AgileCatalog {
  private readonly sprints: ReadonlyMap<number, SprintPlan>;
  private readonly versions: ReadonlyMap<string, VersionPlan>;

  constructor(sprints: readonly SprintPlan[], versions: readonly VersionPlan[]) {
    this.sprints = new Map(sprints.map((sprint) => [sprint.id, sprint]));
    this.versions = new Map(versions.map((version) => [version.id, version]));
  }

  sprint(id: number): SprintPlan {
    const sprint = this.sprints.get(id);
    if (!sprint) throw new RangeError(`unknown demo sprint ${id}`);
    return sprint;
  }

  version(id: string): VersionPlan {
    const version = this.versions.get(id);
    if (!version) throw new RangeError(`unknown demo version ${id}`);
    return version;
  }

  /** The sprint object Jira Cloud puts in the Sprint field (`customfield_10020`). */
  issueSprint(id: number, at: number): Record<string, unknown> {
    const sprint = this.sprint(id);
    return { boardId: SPRINT_BOARD_ID, ...sprintObject(sprint, at) };
  }

  /** A `fixVersions` entry. */
  issueVersion(id: string, at: number): Record<string, unknown> {
    const version = this.version(id);
    return {
      self: `${SITE_URL}/rest/api/2/version/${version.id}`,
      id: version.id,
      description: version.description,
      name: version.name,
      archived: false,
      released: isReleased(version, at),
      releaseDate: isoDate(releaseDateAt(version, at)),
    };
  }
}

export function isReleased(version: VersionPlan, at: number): boolean {
  return version.releasedAt !== null && at >= version.releasedAt;
}

export function releaseDateAt(version: VersionPlan, at: number): number {
  if (version.releasedAt !== null && at >= version.releasedAt) return version.releasedAt;
  return version.slip !== null && at >= version.slip.at ? version.slip.to : version.plannedRelease;
}

/** The version object of `jira:version_*` webhooks. */
export function versionObject(version: VersionPlan, at: number): Record<string, unknown> {
  const releaseDate = releaseDateAt(version, at);
  return {
    self: `${SITE_URL}/rest/api/2/version/${version.id}`,
    id: version.id,
    description: version.description,
    name: version.name,
    archived: false,
    released: isReleased(version, at),
    startDate: isoDate(version.startDate),
    releaseDate: isoDate(releaseDate),
    overdue: false,
    userStartDate: jiraUserDate(version.startDate),
    userReleaseDate: jiraUserDate(releaseDate),
    projectId: version.projectId,
  };
}

/** The sprint's state, goal and dates as of `at` (shared by issue fields and sprint webhooks). */
export function sprintObject(sprint: SprintPlan, at: number): Record<string, unknown> {
  const state = sprintStateAt(sprint, at);
  const planned = at >= sprint.plannedAt;
  return {
    id: sprint.id,
    name: sprint.name,
    state,
    goal: planned ? sprint.goal : '',
    ...(planned ? { startDate: new Date(sprint.startAt).toISOString(), endDate: new Date(sprint.endAt).toISOString() } : {}),
    ...(state === 'closed' && sprint.closeAt !== null ? { completeDate: new Date(sprint.closeAt).toISOString() } : {}),
  };
}
