import { NormalisationError, type StatusRef, type WorkItemFields } from '@flowlens/contracts';
import type { JiraConnectorSettings } from '../schema/jira-connector-settings.schema';
import type { JiraIssue, JiraIssueFields } from '../schema/jira-issue.schema';
import {
  estimateOf,
  isFlaggedValue,
  keyPrefixOf,
  localDateOf,
  nameOf,
  personOf,
  sprintIdsOf,
  teamOf,
} from './field-values.util';
import { statusCategoryOf } from './status-category';

export interface StatusState {
  readonly id: string | null;
  readonly name: string;
}

/** Everything about an issue the connector tracks, at one point in its history. */
export interface IssueState {
  readonly key: string;
  readonly boardId: string;
  readonly fields: WorkItemFields;
  readonly status: StatusState | null;
  readonly flagged: boolean;
}

export function customFieldOf(fields: JiraIssueFields | undefined, id: string | undefined): unknown {
  return fields && id && Object.hasOwn(fields, id) ? fields[id] : undefined;
}

/** The project key, else the prefix of the issue key. */
export function boardIdOf(issue: { key: string; fields?: JiraIssueFields | undefined }): string {
  const boardId = issue.fields?.project?.key ?? keyPrefixOf(issue.key);
  if (!boardId) throw new NormalisationError(`cannot derive a project key for issue ${issue.key}`);
  return boardId;
}

export type MultiValued = Pick<WorkItemFields, 'components' | 'fixVersions'>;

/** Only the multi-valued fields the payload actually carries: absent is unknown, not empty. */
export function knownMultiValuedOf(fields: JiraIssueFields | undefined): Partial<MultiValued> {
  const known: Partial<MultiValued> = {};
  if (fields?.components) known.components = fields.components.map((component) => component.name);
  if (fields?.fixVersions) known.fixVersions = fields.fixVersions.map((version) => version.name);
  return known;
}

export function multiValuedOf(fields: JiraIssueFields | undefined): MultiValued {
  return {
    components: (fields?.components ?? []).map((component) => component.name),
    fixVersions: (fields?.fixVersions ?? []).map((version) => version.name),
  };
}

type FieldReader<K extends keyof WorkItemFields> = (fields: JiraIssueFields, settings: JiraConnectorSettings) => {
  /** The Jira field the value comes from; absent from `fields` means unknown. */
  readonly source: string | undefined;
  readonly read: () => WorkItemFields[K];
};

/** How each tracked field is read from `issue.fields` (absent Jira fields read as empty). */
const FIELD_READERS: { readonly [K in Exclude<keyof WorkItemFields, 'archived'>]: FieldReader<K> } = {
  title: (f) => ({ source: 'summary', read: () => f.summary ?? '' }),
  type: (f) => ({ source: 'issuetype', read: () => nameOf(f.issuetype) }),
  priority: (f) => ({ source: 'priority', read: () => nameOf(f.priority) }),
  assignee: (f) => ({ source: 'assignee', read: () => personOf(f.assignee) }),
  labels: (f) => ({ source: 'labels', read: () => [...(f.labels ?? [])] }),
  components: (f) => ({ source: 'components', read: () => multiValuedOf(f).components }),
  fixVersions: (f) => ({ source: 'fixVersions', read: () => multiValuedOf(f).fixVersions }),
  estimate: (f, s) => ({ source: s.storyPointsField, read: () => estimateOf(customFieldOf(f, s.storyPointsField)) }),
  dueDate: (f) => ({ source: 'duedate', read: () => localDateOf(f.duedate) }),
  parentId: (f) => ({ source: 'parent', read: () => f.parent?.id ?? null }),
  sprintIds: (f, s) => ({ source: s.sprintField, read: () => sprintIdsOf(customFieldOf(f, s.sprintField)) }),
  team: (f, s) => ({ source: s.teamField, read: () => (s.teamField ? teamOf(customFieldOf(f, s.teamField)) : null) }),
};

const READ_FIELDS = Object.keys(FIELD_READERS) as Array<keyof typeof FIELD_READERS>;

function statusStateOf(fields: JiraIssueFields): StatusState | null {
  return fields.status ? { id: fields.status.id ?? null, name: fields.status.name } : null;
}

/** The issue as its `fields` describe it now. */
export function issueStateOf(issue: JiraIssue, settings: JiraConnectorSettings): IssueState {
  const fields = issue.fields;
  const read = Object.fromEntries(READ_FIELDS.map((name) => [name, FIELD_READERS[name](fields, settings).read()]));
  return {
    key: issue.key,
    boardId: boardIdOf(issue),
    status: statusStateOf(fields),
    flagged: isFlaggedValue(customFieldOf(fields, settings.flaggedField)),
    fields: { ...(read as Omit<WorkItemFields, 'archived'>), archived: false },
  };
}

/**
 * Only the fields `fields` actually carries, each read on its own: a value that cannot be read is
 * left unknown, so an observation never dead-letters the change it travels with.
 */
export function carriedFieldsOf(fields: JiraIssueFields, settings: JiraConnectorSettings): Partial<WorkItemFields> {
  const carried: Partial<Record<keyof WorkItemFields, unknown>> = {};
  for (const name of READ_FIELDS) {
    const { source, read } = FIELD_READERS[name](fields, settings);
    if (source === undefined || !Object.hasOwn(fields, source)) continue;
    try {
      carried[name] = read();
    } catch (error) {
      if (!(error instanceof NormalisationError)) throw error;
    }
  }
  return carried as Partial<WorkItemFields>;
}

/** The current status as the issue shows it, with its category. */
export function currentStatusOf(fields: JiraIssueFields | undefined): StatusRef | null {
  const status = fields ? statusStateOf(fields) : null;
  return status && fields?.status ? { ...status, category: statusCategoryOf(fields.status.statusCategory?.key) } : null;
}
