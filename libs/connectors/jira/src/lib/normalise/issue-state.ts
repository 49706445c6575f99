import { NormalisationError, type WorkItemFields } from '@flowlens/contracts';
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

/** The issue as its `fields` describe it now. */
export function issueStateOf(issue: JiraIssue, settings: JiraConnectorSettings): IssueState {
  const fields = issue.fields;
  const status = fields.status ? { id: fields.status.id ?? null, name: fields.status.name } : null;
  return {
    key: issue.key,
    boardId: boardIdOf(issue),
    status,
    flagged: isFlaggedValue(customFieldOf(fields, settings.flaggedField)),
    fields: {
      title: fields.summary ?? '',
      type: nameOf(fields.issuetype),
      priority: nameOf(fields.priority),
      assignee: personOf(fields.assignee),
      labels: [...(fields.labels ?? [])],
      ...multiValuedOf(fields),
      estimate: estimateOf(customFieldOf(fields, settings.storyPointsField)),
      dueDate: localDateOf(fields.duedate),
      parentId: fields.parent?.id ?? null,
      sprintIds: sprintIdsOf(customFieldOf(fields, settings.sprintField)),
      team: settings.teamField ? teamOf(customFieldOf(fields, settings.teamField)) : null,
      archived: false,
    },
  };
}
