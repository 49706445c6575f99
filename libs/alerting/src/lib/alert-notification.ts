/**
 * What a channel receives: one notification per rule, channel and evaluation, listing every instance
 * that changed (api.md "Alerts", metrics.md "Alerts: precise rules"). Stored as the body of an
 * outbox row; channel adapters render it as signed JSON, Slack blocks or an e-mail.
 */
export type AlertSubjectType = 'board' | 'team' | 'portfolio' | 'release' | 'epic' | 'item';

export interface AlertSubject {
  readonly type: AlertSubjectType;
  readonly id: string;
}

export type AlertInstanceState = 'pending' | 'firing' | 'resolved';

/** The fields of a `GET /api/v1/alerts` item; instants are UTC ISO strings. */
export interface AlertInstanceView {
  readonly id: string;
  readonly ruleId: string;
  readonly subject: AlertSubject;
  readonly state: AlertInstanceState;
  readonly value: number | null;
  readonly threshold: number | null;
  readonly startedAt: string | null;
  readonly resolvedAt: string | null;
  readonly lastNotifiedAt: string | null;
  readonly acknowledgedAt: string | null;
  readonly snoozedUntil: string | null;
}

export interface AlertNotification {
  readonly version: 1;
  /** `firing` when any listed instance fires, else `resolved`. */
  readonly status: 'firing' | 'resolved';
  readonly workspace: { readonly id: string; readonly name: string };
  readonly rule: { readonly id: string; readonly name: string; readonly kind: string; readonly severity: 'info' | 'warning' | 'critical' };
  readonly alerts: readonly AlertInstanceView[];
  /** A dashboard URL under FLOWLENS_PUBLIC_URL, or null when no public URL is configured. */
  readonly link: string | null;
}
