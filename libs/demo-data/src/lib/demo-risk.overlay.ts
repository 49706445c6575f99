import type { DemoDelivery, DemoHistory } from './demo-history.types';
import { DAY, HOUR } from './time.util';

type Json = Record<string, unknown>;

interface SeenIssue {
  readonly id: string;
  readonly key: string;
  readonly project: string;
  readonly created: Json;
  category: string;
}

const FIRST_EPIC_ID = 90001;
const RELEASE_ID = '19001';

/**
 * Risk material on top of a demo history: issue links (mostly across boards, one inside a board,
 * one later removed) between issues still open at the end, two epics with due dates whose
 * children are open issues of two boards, and a release due in five days that still holds ten
 * open issues of the third board. Deliveries come after the history's last one, in order.
 */
export function demoRiskDeliveries(history: DemoHistory, now: number): DemoDelivery[] {
  const issues = lastStates(history);
  const open = [...issues.values()].filter((issue) => issue.category !== 'done');
  const started = open.filter((issue) => issue.category === 'indeterminate');
  const startedBy = byProject(started);
  const openBy = byProject(open);
  const projects = [...startedBy.keys()].sort();
  const out: DemoDelivery[] = [];
  let at = Math.max(history.deliveries.at(-1)?.occurredAt ?? now - DAY, now - 3 * DAY) + 1;
  const push = (body: Json) => out.push({ body: { ...body, timestamp: at }, occurredAt: at++ });
  let linkId = 30001;
  const link = (blocker: SeenIssue, dependent: SeenIssue, event = 'issuelink_created') =>
    push({ webhookEvent: event, issueLink: { id: String(linkId++), sourceIssueId: blocker.id, destinationIssueId: dependent.id, issueLinkType: { id: 10000, name: 'Blocks', outwardName: 'blocks', inwardName: 'is blocked by' } } });
  for (const [index, project] of projects.entries()) {
    const dependents = startedBy.get(project) ?? [];
    const blockers = openBy.get(projects[(index + 1) % projects.length] ?? project) ?? [];
    dependents.slice(0, 3).forEach((dependent, i) => {
      const blocker = blockers[i];
      if (blocker && blocker.id !== dependent.id) link(blocker, dependent);
    });
  }
  const firstProject = startedBy.get(projects[0] ?? '') ?? [];
  if (firstProject.length >= 5) {
    link(firstProject[3] as SeenIssue, firstProject[4] as SeenIssue);
    link(firstProject[3] as SeenIssue, firstProject[4] as SeenIssue, 'issuelink_deleted');
  }
  projects.slice(0, 2).forEach((project, index) => {
    const template = (openBy.get(project) ?? [])[0];
    if (!template) return;
    const epic = epicCreated(template, FIRST_EPIC_ID + index, index === 0 ? 'Checkout revamp' : 'Payout reliability', isoDate(now + (index === 0 ? 4 : 30) * DAY));
    push(epic.body);
    const children = [...(startedBy.get(project) ?? []).slice(0, 3), ...(openBy.get(projects[(index + 1) % projects.length] ?? project) ?? []).slice(-2)];
    children.forEach((child, i) => push(parentSet(child, epic, 91000 + index * 100 + i)));
  });
  const releaseProject = projects[2];
  const releaseScope = [...(startedBy.get(releaseProject ?? '') ?? []), ...(openBy.get(releaseProject ?? '') ?? []).filter((issue) => issue.category !== 'indeterminate')].slice(0, 10);
  if (releaseScope.length > 0) {
    const version = hardeningRelease(releaseScope[0] as SeenIssue, isoDate(now + 5 * DAY));
    push({ webhookEvent: 'jira:version_created', version });
    releaseScope.forEach((issue, i) => push(fixVersionAdded(issue, version, 92000 + i)));
  }
  return out.filter((delivery) => delivery.occurredAt < now - HOUR / 60);
}

/** A release of the issue's project due on `releaseDate`: the demo's release at risk. */
function hardeningRelease(issue: SeenIssue, releaseDate: string): Json {
  const fields = (issue.created['issue'] as Json)['fields'] as Json;
  const projectId = Number((fields['project'] as Json)['id']);
  return { id: RELEASE_ID, name: `${issue.project} hardening`, description: 'Fixes promised before the holiday freeze', archived: false, released: false, releaseDate, projectId };
}

function fixVersionAdded(child: SeenIssue, version: Json, changelogId: number): Json {
  const issue = structuredClone(child.created['issue']) as Json;
  const fields = issue['fields'] as Json;
  const entry = { id: version['id'], name: version['name'], archived: false, released: false, releaseDate: version['releaseDate'] };
  fields['fixVersions'] = [...((fields['fixVersions'] as Json[] | undefined) ?? []), entry];
  return {
    webhookEvent: 'jira:issue_updated',
    issue_event_type_name: 'issue_updated',
    issue,
    changelog: { id: String(changelogId), items: [{ field: 'Fix Version', fieldtype: 'jira', fieldId: 'fixVersions', from: null, fromString: null, to: version['id'], toString: version['name'] }] },
  };
}

function byProject(list: readonly SeenIssue[]): Map<string, SeenIssue[]> {
  const out = new Map<string, SeenIssue[]>();
  for (const issue of list) out.set(issue.project, [...(out.get(issue.project) ?? []), issue]);
  return out;
}

function lastStates(history: DemoHistory): Map<string, SeenIssue> {
  const issues = new Map<string, SeenIssue>();
  for (const { body } of history.deliveries) {
    const issue = body['issue'] as Json | undefined;
    if (!issue) continue;
    const id = String(issue['id']);
    if (body['webhookEvent'] === 'jira:issue_deleted') {
      issues.delete(id);
      continue;
    }
    const fields = issue['fields'] as Json;
    const status = fields['status'] as { statusCategory?: { key?: string } } | undefined;
    const category = status?.statusCategory?.key ?? 'new';
    const seen = issues.get(id);
    if (seen) seen.category = category;
    else if (body['webhookEvent'] === 'jira:issue_created') {
      issues.set(id, { id, key: String(issue['key']), project: String((fields['project'] as Json)['key']), created: body, category });
    }
  }
  return issues;
}

function epicCreated(template: SeenIssue, id: number, summary: string, dueDate: string): { id: string; key: string; body: Json } {
  const body = structuredClone(template.created);
  const issue = body['issue'] as Json;
  const fields = issue['fields'] as Json;
  const key = `${template.project}-${id}`;
  issue['id'] = String(id);
  issue['key'] = key;
  fields['summary'] = summary;
  fields['duedate'] = dueDate;
  fields['issuetype'] = { id: '10000', name: 'Epic', subtask: false, hierarchyLevel: 1 };
  fields['fixVersions'] = [];
  fields['issuelinks'] = [];
  return { id: String(id), key, body };
}

function parentSet(child: SeenIssue, epic: { id: string; key: string }, changelogId: number): Json {
  const issue = structuredClone(child.created['issue']) as Json;
  return {
    webhookEvent: 'jira:issue_updated',
    issue_event_type_name: 'issue_generic',
    issue,
    changelog: { id: String(changelogId), items: [{ field: 'IssueParentAssociation', fieldtype: 'jira', from: null, fromString: null, to: epic.id, toString: epic.key }] },
  };
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
