import type { JiraConnectorSettings } from '../schema/jira-connector-settings.schema';
import type { JiraChangelogItem } from '../schema/jira-issue.schema';

/** A changelog item the connector tracks; anything else (description, Rank, resolution...) is not. */
export type TrackedItemKind =
  | 'status'
  | 'key'
  | 'flag'
  | 'title'
  | 'type'
  | 'priority'
  | 'assignee'
  | 'labels'
  | 'components'
  | 'fixVersions'
  | 'dueDate'
  | 'parentId'
  | 'sprintIds'
  | 'estimate'
  | 'team';

const SYSTEM_FIELDS: ReadonlyMap<string, TrackedItemKind> = new Map([
  ['status', 'status'],
  ['key', 'key'],
  ['summary', 'title'],
  ['issuetype', 'type'],
  ['priority', 'priority'],
  ['assignee', 'assignee'],
  ['labels', 'labels'],
  ['components', 'components'],
  ['component', 'components'],
  ['fixversions', 'fixVersions'],
  ['fix version', 'fixVersions'],
  ['duedate', 'dueDate'],
  ['parent', 'parentId'],
  ['issueparentassociation', 'parentId'],
  ['parent link', 'parentId'],
  ['epic link', 'parentId'],
]);

/** Parent relations Jira (Advanced Roadmaps, company-managed epics) keeps in custom fields. */
const PARENT_LINK_NAMES: ReadonlySet<string> = new Set(['parent link', 'epic link']);

/** Custom fields go by configured id; by display name only when the item carries no `fieldId` (older Data Center). */
const CUSTOM_FIELD_NAMES: ReadonlyMap<string, TrackedItemKind> = new Map([
  ['sprint', 'sprintIds'],
  ['story points', 'estimate'],
  ['story point estimate', 'estimate'],
  ['flagged', 'flag'],
]);

export function classifyChangelogItem(item: JiraChangelogItem, settings: JiraConnectorSettings): TrackedItemKind | null {
  const fieldId = item.fieldId;
  if (fieldId !== null) {
    if (fieldId === settings.storyPointsField) return 'estimate';
    if (fieldId === settings.sprintField) return 'sprintIds';
    if (fieldId === settings.flaggedField) return 'flag';
    if (settings.teamField !== undefined && fieldId === settings.teamField) return 'team';
    if (fieldId.startsWith('customfield_')) return PARENT_LINK_NAMES.has(item.field.toLowerCase()) ? 'parentId' : null;
  }
  const name = item.field.toLowerCase();
  const system = SYSTEM_FIELDS.get(fieldId?.toLowerCase() ?? name) ?? SYSTEM_FIELDS.get(name);
  if (system) return system;
  if (fieldId !== null) return null;
  if (name === 'team') return settings.teamField !== undefined ? 'team' : null;
  return CUSTOM_FIELD_NAMES.get(name) ?? null;
}
