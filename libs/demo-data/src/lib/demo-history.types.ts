export interface DemoHistoryOptions {
  /** The end of the history (epoch ms); every delivery happens strictly before it. */
  readonly now: number;
  /** Same seed and `now`, same history. Default 1. */
  readonly seed?: number;
  /** How far back the history reaches. Default 120. */
  readonly days?: number;
  /** Multiplies the number of issues (0.1 for a quick run, 3 for a busy workspace). Default 1. */
  readonly scale?: number;
}

/** One Jira Cloud webhook body, as Jira would POST it, and when Jira sent it (= `body.timestamp`). */
export interface DemoDelivery {
  readonly body: Record<string, unknown>;
  readonly occurredAt: number;
}

export interface DemoHistorySummary {
  /** ISO instants bounding the history: `now - days` and `now`. */
  readonly from: string;
  readonly to: string;
  readonly deliveries: number;
  readonly byWebhookEvent: Readonly<Record<string, number>>;
  readonly projects: number;
  readonly issues: number;
  readonly issuesByProject: Readonly<Record<string, number>>;
  readonly issuesByType: Readonly<Record<string, number>>;
  /** Where the issues stand at `now` (deleted ones excluded from the three states). */
  readonly done: number;
  readonly inProgress: number;
  readonly notStarted: number;
  readonly deleted: number;
  /** Issues that went back from Done at least once. */
  readonly reopened: number;
  /** Issues flagged as an Impediment at some point. */
  readonly flagged: number;
  /** Issues that carried the `blocked` label at some point. */
  readonly labelledBlocked: number;
  /** Issues that sat in a Blocked status at some point. */
  readonly blockedStatus: number;
  readonly sprints: number;
  readonly sprintsClosed: number;
  readonly versions: number;
  readonly versionsReleased: number;
}

export interface DemoHistory {
  /** Ordered by `occurredAt`; feed them in this order. */
  readonly deliveries: readonly DemoDelivery[];
  readonly summary: DemoHistorySummary;
}
