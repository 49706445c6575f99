import type { AlertInstanceView, AlertNotification, DigestMessage } from '@flowlens/alerting';

export type { DigestMessage };

interface WorkspaceRef {
  readonly id: string;
  readonly name: string;
}

/** The body of a `test` outbox row: what a channel's test-send carries. */
export interface TestMessage {
  readonly version: 1;
  readonly status: 'test';
  readonly workspace: WorkspaceRef;
  readonly channel: { readonly id: string; readonly name: string };
  readonly message: string;
  readonly link: string | null;
}

/** What an outbox row carries, by its kind; a webhook receives it as JSON, unchanged. */
export type DeliveryMessage = { readonly kind: 'alert'; readonly body: AlertNotification } | { readonly kind: 'test'; readonly body: TestMessage } | { readonly kind: 'digest'; readonly body: DigestMessage };

export function messageOf(kind: string, body: Record<string, unknown>): DeliveryMessage {
  if (kind === 'alert') return { kind, body: body as unknown as AlertNotification };
  if (kind === 'test') return { kind, body: body as unknown as TestMessage };
  if (kind === 'digest') return { kind, body: body as unknown as DigestMessage };
  throw new Error(`unknown delivery kind ${kind}`);
}

const round = (value: number | null): string => (value === null ? '—' : String(Math.round(value * 100) / 100));

/** One line per instance: `board PMO: firing, 12 (threshold 10)`. */
export function describeAlert(alert: AlertInstanceView): string {
  return `${alert.subject.type} ${alert.subject.id}: ${alert.state}, ${round(alert.value)} (threshold ${round(alert.threshold)})`;
}

export function alertSubjectLine(notification: AlertNotification): string {
  return `[Flowlens] ${notification.status}: ${notification.rule.name}`;
}

/** The e-mail subject (and Slack headline) of any message. */
export function subjectOf(message: DeliveryMessage): string {
  switch (message.kind) {
    case 'alert':
      return alertSubjectLine(message.body);
    case 'test':
      return `[Flowlens] test: ${message.body.channel.name}`;
    case 'digest':
      return message.body.subject;
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
