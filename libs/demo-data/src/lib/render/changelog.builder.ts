import { personAt } from '../catalog/people.catalog';
import { priorityIdOf } from '../catalog/issue-type.catalog';
import { DONE_RESOLUTION, statusCategoryKeyOf, statusIdOf } from '../catalog/workflow.catalog';
import type { IssueState } from '../plan/issue.plan';
import type { AgileCatalog } from './agile-catalog';

type Item = Record<string, unknown>;

function item(field: string, fieldId: string, custom: boolean, from: string | null, fromString: string | null, to: string | null, toString: string | null): Item {
  return { field, fieldtype: custom ? 'custom' : 'jira', fieldId, from, fromString, to, toString };
}

function isDone(state: IssueState): boolean {
  return statusCategoryKeyOf(state.status) === 'done';
}

function assigneeItem(before: number | null, after: number | null): Item {
  const from = before === null ? null : personAt(before);
  const to = after === null ? null : personAt(after);
  return {
    ...item('assignee', 'assignee', false, from?.accountId ?? null, from?.displayName ?? null, to?.accountId ?? null, to?.displayName ?? null),
    tmpFromAccountId: from?.accountId ?? null,
    tmpToAccountId: to?.accountId ?? null,
  };
}

function sprintItem(before: readonly number[], after: readonly number[], catalog: AgileCatalog): Item {
  const names = (ids: readonly number[]) => ids.map((id) => catalog.sprint(id).name).join(', ');
  return item('Sprint', 'customfield_10020', true, before.join(', '), names(before), after.join(', '), names(after));
}

function fixVersionItems(before: readonly string[], after: readonly string[], catalog: AgileCatalog): Item[] {
  const name = (id: string) => catalog.version(id).name;
  return [
    ...before.filter((id) => !after.includes(id)).map((id) => item('Fix Version', 'fixVersions', false, id, name(id), null, null)),
    ...after.filter((id) => !before.includes(id)).map((id) => item('Fix Version', 'fixVersions', false, null, null, id, name(id))),
  ];
}

const sameList = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((value, index) => value === b[index]);

/** The changelog items Jira Cloud records for the difference between two states, in Jira's order. */
export function changelogItems(before: IssueState, after: IssueState, catalog: AgileCatalog): Item[] {
  const items: Item[] = [];
  if (isDone(before) !== isDone(after)) {
    const [from, to] = isDone(before) ? [DONE_RESOLUTION, null] : [null, DONE_RESOLUTION];
    items.push(item('resolution', 'resolution', false, from?.id ?? null, from?.name ?? null, to?.id ?? null, to?.name ?? null));
  }
  if (before.status !== after.status) {
    items.push(item('status', 'status', false, statusIdOf(before.status), before.status, statusIdOf(after.status), after.status));
  }
  if (before.assignee !== after.assignee) items.push(assigneeItem(before.assignee, after.assignee));
  if (!sameList(before.labels, after.labels)) items.push(item('labels', 'labels', false, null, before.labels.join(' '), null, after.labels.join(' ')));
  if (before.flagged !== after.flagged) {
    items.push(item('Flagged', 'customfield_10021', true, before.flagged ? '[10019]' : null, before.flagged ? 'Impediment' : null, after.flagged ? '[10019]' : null, after.flagged ? 'Impediment' : null));
  }
  if (before.points !== after.points) {
    const text = (points: number | null) => (points === null ? null : String(points));
    items.push(item('Story point estimate', 'customfield_10016', true, null, text(before.points), null, text(after.points)));
  }
  if (!sameList(before.sprintIds, after.sprintIds)) items.push(sprintItem(before.sprintIds, after.sprintIds, catalog));
  items.push(...fixVersionItems(before.fixVersionIds, after.fixVersionIds, catalog));
  if (before.priority !== after.priority) {
    items.push(item('priority', 'priority', false, priorityIdOf(before.priority), before.priority, priorityIdOf(after.priority), after.priority));
  }
  return items;
}

/** Jira's `issue_event_type_name` for such a change. */
export function issueEventTypeName(before: IssueState, after: IssueState): string {
  if (before.status !== after.status) {
    if (isDone(after)) return 'issue_resolved';
    return isDone(before) ? 'issue_reopened' : 'issue_generic';
  }
  const onlyAssignee = before.assignee !== after.assignee && changelogKeys(before, after).length === 1;
  return onlyAssignee ? 'issue_assigned' : 'issue_updated';
}

function changelogKeys(before: IssueState, after: IssueState): string[] {
  return (Object.keys(after) as Array<keyof IssueState>).filter((key) => {
    const [a, b] = [before[key], after[key]];
    return Array.isArray(a) && Array.isArray(b) ? !sameList(a, b) : a !== b;
  });
}
