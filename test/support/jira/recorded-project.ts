import { COMPONENTS, EPOCH, LABELS, LEGACY_PROJECT, PRIORITIES, PROJECT, SITE_URL, USERS, VERSIONS, sprintAt, statusNamed } from './recorded-project.catalogue';
import { simulateChange, simulateMove, type SimState } from './issue-simulator';
import { issueJson, jiraInstant, projectStatusesJson, projectVersionsJson, userJson } from './jira-cloud.shapes';
import type { ExpectedCreation, RecordedHistory, RecordedIssue, RecordedJiraProject } from './recorded-project.types';
import { SeededRandom } from '../seeded-random';

export interface RecordedProjectOptions {
  /** Number of issues; default 1,200. */
  readonly issues?: number;
  readonly seed?: number;
  /** Every n-th issue gets 130-260 histories, so its changelog spans several pages of 100. */
  readonly longChangelogEvery?: number;
}

const HOUR = 3_600_000;
const EPIC_COUNT = 20;
const MOVED_EVERY = 150;
const NOUNS = ['importer', 'webhook', 'CFD chart', 'forecast', 'WIP limit', 'retry queue', 'API key', 'sprint report', 'aging chart', 'status map'];
const VERBS = ['Build', 'Fix', 'Refactor', 'Document', 'Speed up', 'Harden'];

interface Simulated {
  readonly id: string;
  readonly created: number;
  readonly initial: SimState;
  readonly final: SimState;
  readonly histories: RecordedHistory[];
  readonly reporter: (typeof USERS)[number];
}

function initialState(index: number, random: SeededRandom, moved: boolean, epicIds: readonly string[], created: number): SimState {
  const epic = index < EPIC_COUNT;
  const typeName = epic ? 'Epic' : random.weighted([['Story', 5], ['Task', 3], ['Bug', 2]] as const);
  const labels = LABELS.filter(() => random.chance(0.12));
  return {
    projectKey: moved ? LEGACY_PROJECT.key : PROJECT.key,
    key: moved ? `${LEGACY_PROJECT.key}-${300 + index}` : `${PROJECT.key}-${index + 1}`,
    status: statusNamed(random.chance(0.15) ? 'In Progress' : 'To Do'),
    summary: `${random.pick(VERBS)} ${random.pick(NOUNS)} #${index + 1}`,
    typeName,
    priority: random.weighted(PRIORITIES.map((p) => [p, p.name === 'Medium' ? 6 : 1] as const)),
    assignee: random.chance(0.6) ? random.pick(USERS) : null,
    labels,
    componentIds: random.chance(0.5) ? [random.pick(COMPONENTS).id] : [],
    fixVersionIds: random.chance(0.3) ? [random.pick(VERSIONS).id] : [],
    duedate: random.chance(0.2) ? new Date(created + random.int(7, 60) * 24 * HOUR).toISOString().slice(0, 10) : null,
    parentId: !epic && random.chance(0.6) ? random.pick(epicIds) : null,
    sprintIds: !epic && random.chance(0.4) ? [sprintAt(created)] : [],
    points: typeName === 'Story' && random.chance(0.7) ? random.pick([1, 2, 3, 5, 8]) : null,
    flagged: random.chance(0.05),
    description: `Acceptance criteria for issue ${index + 1}.`,
  };
}

function simulateIssue(index: number, random: SeededRandom, nextHistoryId: () => string, options: Required<RecordedProjectOptions>): Simulated {
  const id = String(10001 + index);
  const epicIds = Array.from({ length: EPIC_COUNT }, (_, e) => String(10001 + e)).filter((epicId) => epicId !== id);
  const moved = index >= EPIC_COUNT && index % MOVED_EVERY === 7;
  const created = EPOCH + index * 4 * HOUR + random.int(0, 3 * HOUR);
  const initial = initialState(index, random, moved, epicIds, created);
  const long = index % options.longChangelogEvery === 13;
  const count = Math.max(moved ? 1 : 0, long ? random.int(130, 260) : random.int(0, 18));
  const moveAt = moved ? random.int(0, Math.min(count - 1, 5)) : -1;
  let state = initial;
  let at = created;
  const histories: RecordedHistory[] = [];
  for (let h = 0; h < count; h += 1) {
    at += random.int(180_000, 48 * HOUR);
    const allowRetired = at < EPOCH + 120 * 24 * HOUR;
    let change = h === moveAt ? simulateMove(state, `${PROJECT.key}-${index + 1}`) : simulateChange(state, at, random, epicIds, allowRetired);
    if (h !== moveAt && random.chance(0.25)) {
      const extra = simulateChange(change.state, at, random, epicIds, allowRetired);
      const fields = new Set(change.items.map((i) => i.field));
      if (!extra.items.some((i) => fields.has(i.field))) change = { state: extra.state, items: [...change.items, ...extra.items] };
    }
    state = change.state;
    histories.push({ id: nextHistoryId(), author: userJson(random.pick(USERS)), created: jiraInstant(at), items: change.items });
  }
  return { id, created, initial, final: state, histories, reporter: random.pick(USERS) };
}

function expectedCreation(sim: Simulated): ExpectedCreation {
  const s = sim.initial;
  return {
    key: s.key,
    boardId: s.projectKey,
    occurredAt: new Date(sim.created).toISOString(),
    status: { id: s.status.id, name: s.status.name },
    flagged: s.flagged,
    fields: {
      title: s.summary,
      type: s.typeName,
      priority: s.priority.name,
      assignee: s.assignee ? { id: s.assignee.accountId, name: s.assignee.displayName } : null,
      labels: s.labels,
      components: s.componentIds.map((cid) => COMPONENTS.find((c) => c.id === cid)?.name ?? cid),
      fixVersions: s.fixVersionIds.map((vid) => VERSIONS.find((v) => v.id === vid)?.name ?? vid),
      estimate: s.points,
      dueDate: s.duedate,
      parentId: s.parentId,
      sprintIds: s.sprintIds.map(String),
    },
  };
}

/** A deterministic recording of a Jira Cloud project: same seed, same bytes. */
export function generateRecordedProject(options: RecordedProjectOptions = {}): RecordedJiraProject {
  const resolved = { issues: 1200, seed: 20240115, longChangelogEvery: 97, ...options };
  const random = new SeededRandom(resolved.seed);
  let historyId = 100_000;
  const simulated = Array.from({ length: resolved.issues }, (_, index) => simulateIssue(index, random, () => String((historyId += 1)), resolved));
  const now = Math.max(...simulated.map((sim) => Date.parse(sim.histories.at(-1)?.created.replace('+0000', 'Z') ?? new Date(sim.created).toISOString()))) + 24 * HOUR;
  const issues: RecordedIssue[] = simulated.map((sim) => {
    const updated = sim.histories.length > 0 ? Date.parse(sim.histories.at(-1)?.created.replace('+0000', 'Z') ?? '') : sim.created;
    return {
      issue: issueJson(sim.id, sim.final, { created: sim.created, updated, now }, userJson(sim.reporter)),
      histories: sim.histories,
      expectedCreation: expectedCreation(sim),
    };
  });
  return { seed: resolved.seed, siteUrl: SITE_URL, project: PROJECT, statuses: projectStatusesJson(), versions: projectVersionsJson(), issues };
}
