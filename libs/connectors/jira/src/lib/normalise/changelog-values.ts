import { NormalisationError, type WorkItemFields } from '@flowlens/contracts';
import type { JiraChangelogItem } from '../schema/jira-issue.schema';
import type { TrackedItemKind } from './changelog-item.classifier';
import { estimateOf, idListOf, labelListOf, localDateOf } from './field-values.util';

export type ScalarKind = Exclude<TrackedItemKind, 'status' | 'key' | 'flag' | 'components' | 'fixVersions'>;
export type Side = 'from' | 'to';

/** The value of a single-valued field on one side of a changelog item. */
export function sideValue(item: JiraChangelogItem, kind: ScalarKind, side: Side): Partial<WorkItemFields> {
  const raw = side === 'from' ? item.from : item.to;
  const text = side === 'from' ? item.fromText : item.toText;
  switch (kind) {
    case 'title':
      return { title: text ?? '' };
    case 'type':
      return { type: text || null };
    case 'priority':
      return { priority: text || null };
    case 'assignee':
      return { assignee: raw ? { id: raw, name: text || null } : null };
    case 'labels':
      return { labels: labelListOf(text) };
    case 'dueDate':
      return { dueDate: localDateOf(raw ?? text) };
    case 'parentId':
      return { parentId: raw || null };
    case 'sprintIds':
      return { sprintIds: idListOf(raw) };
    case 'estimate':
      return { estimate: estimateOf(text) };
    case 'team':
      return { team: text || null };
  }
}

/** Multi-valued fields change one value per item: `toText` was added, `fromText` removed. */
export function rewindMultiValued(current: readonly string[], item: JiraChangelogItem): string[] {
  const values = [...current];
  if (item.toText) {
    const index = values.indexOf(item.toText);
    if (index >= 0) values.splice(index, 1);
  }
  if (item.fromText && !values.includes(item.fromText)) values.push(item.fromText);
  return values;
}

export function requireStatusTarget(item: JiraChangelogItem, changelogId: string): { id: string; name: string } {
  if (!item.to) throw new NormalisationError(`changelog ${changelogId}: status item without a target status id`);
  return { id: item.to, name: item.toText || item.to };
}
