// Answers of the alerting endpoints (api.md "Alerts", metrics.md "Alerts: precise rules").
export const ALERT_KINDS = ['threshold', 'change', 'process-limits', 'wip-limit', 'sle-breach', 'forecast-slip', 'data-quality'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export const SEVERITIES = ['info', 'warning', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const ALERT_STATES = ['firing', 'pending', 'resolved'] as const;
export type AlertState = (typeof ALERT_STATES)[number];
export const CHANNEL_TYPES = ['webhook', 'slack', 'email', 'log'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

export interface RuleScope {
  boardId?: string;
  teamId?: string;
  portfolioId?: string;
}

export interface AlertRule {
  id: string;
  name: string;
  kind: AlertKind;
  scope: RuleScope;
  params: Record<string, unknown>;
  severity: Severity;
  channelIds: string[];
  forMinutes: number;
  repeatHours: number;
  notifyResolved: boolean;
  enabled: boolean;
  createdAt?: string;
  updatedAt?: string;
}

/** The document POSTed or PUT for a rule (the whole of it). */
export type AlertRuleBody = Omit<AlertRule, 'id' | 'createdAt' | 'updatedAt'>;

export type SubjectType = 'board' | 'team' | 'portfolio' | 'release' | 'epic' | 'item';
export interface AlertSubject {
  type: SubjectType;
  id: string;
}

export interface AlertInstance {
  id: string;
  ruleId: string;
  subject: AlertSubject;
  state: AlertState;
  value: number | null;
  threshold: number | null;
  startedAt: string;
  resolvedAt: string | null;
  lastNotifiedAt: string | null;
  acknowledgedAt: string | null;
  snoozedUntil: string | null;
}

export interface EvaluatedInstance {
  subject: AlertSubject;
  state: AlertState;
  value: number | null;
  threshold: number | null;
}

export interface Backtest {
  firings: Array<{ subject: AlertSubject; date: string; value: number | null }>;
  perWeek: number;
  from?: string;
  to?: string;
}

export interface AlertChannel {
  id: string;
  type: ChannelType;
  name: string;
  url?: string | null;
  to?: string[];
  hasSecret?: boolean;
  createdAt?: string;
}

export interface AlertDelivery {
  id: string;
  channelId: string;
  ruleId: string | null;
  digestId?: string | null;
  kind?: string;
  status: 'sent' | 'retrying' | 'failed';
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** One entry of an alert's history (`GET /alerts/{id}`): a state change, a notification, or a user's ack or snooze. */
export interface AlertHistoryEntry {
  at: string;
  event: 'pending' | 'firing' | 'resolved' | 'notified' | 'acknowledged' | 'snoozed';
  state?: AlertState;
  value?: number | null;
  by?: string;
}

export interface AlertWithHistory extends AlertInstance {
  history: AlertHistoryEntry[];
}

/** A weekly digest (`GET /digests`): weekday ISO (1 = Monday), hour 0–23, both in the workspace zone. */
export interface Digest {
  id: string;
  name: string;
  portfolioId: string | null;
  channelIds: string[];
  weekday: number;
  hour: number;
  /** The local date of the last scheduled send (a send now leaves it). */
  lastSentFor: string | null;
  createdAt: string;
}

export type DigestBody = Pick<Digest, 'name' | 'portfolioId' | 'channelIds' | 'weekday' | 'hour'>;

export interface DigestPreview {
  subject: string;
  html: string;
  text: string;
  week: { from: string; to: string };
}

export interface DigestSent {
  digestId: string;
  week: string;
  deliveryIds: string[];
}

export interface Items<T> {
  items: T[];
}
