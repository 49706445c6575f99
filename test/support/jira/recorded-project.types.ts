/** Shapes of the recorded Jira Cloud project, as the REST API v3 serves them. */
export type JsonObject = Record<string, unknown>;

export interface RecordedChangelogItem {
  readonly field: string;
  readonly fieldtype: 'jira' | 'custom';
  readonly fieldId?: string;
  readonly from: string | null;
  readonly fromString: string | null;
  readonly to: string | null;
  readonly toString: string | null;
  readonly [extra: string]: unknown;
}

export interface RecordedHistory {
  readonly id: string;
  readonly author: JsonObject;
  readonly created: string;
  readonly items: RecordedChangelogItem[];
}

/** What the issue looked like when it was created, written independently of the connector. */
export interface ExpectedCreation {
  readonly key: string;
  readonly boardId: string;
  readonly occurredAt: string;
  readonly status: { readonly id: string; readonly name: string };
  readonly flagged: boolean;
  readonly fields: {
    readonly title: string;
    readonly type: string;
    readonly priority: string;
    readonly assignee: { readonly id: string; readonly name: string } | null;
    readonly labels: string[];
    readonly components: string[];
    readonly fixVersions: string[];
    readonly estimate: number | null;
    readonly dueDate: string | null;
    readonly parentId: string | null;
    readonly sprintIds: string[];
  };
}

export interface RecordedIssue {
  /** As `GET /rest/api/3/search/jql?fields=*all` returns it. */
  readonly issue: JsonObject & { readonly id: string; readonly key: string };
  /** As `GET /rest/api/3/issue/{id}/changelog` pages them, oldest first. */
  readonly histories: RecordedHistory[];
  readonly expectedCreation: ExpectedCreation;
}

export interface RecordedJiraProject {
  readonly seed: number;
  readonly siteUrl: string;
  readonly project: { readonly id: string; readonly key: string; readonly name: string };
  /** As `GET /rest/api/3/project/{key}/statuses` returns it. */
  readonly statuses: JsonObject[];
  /** As `GET /rest/api/3/project/{key}/version` pages them (`values`). */
  readonly versions: JsonObject[];
  readonly issues: RecordedIssue[];
}
