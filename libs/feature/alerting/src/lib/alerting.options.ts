export const ALERTING_OPTIONS = Symbol('ALERTING_OPTIONS');

export interface AlertingOptions {
  /** ALERT_INTERVAL_MS: the period of the scheduled evaluation. */
  readonly intervalMs: number;
  /** FLOWLENS_PUBLIC_URL: the dashboard link in notifications. */
  readonly publicUrl: string | undefined;
}
