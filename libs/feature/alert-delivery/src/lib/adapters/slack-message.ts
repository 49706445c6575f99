import type { DeliveryMessage } from './delivery-message';
import { describeAlert, subjectOf } from './delivery-message';

/** Slack allows 50 blocks a message; longer lists end with a count of the rest. */
const MAX_LISTED = 20;

export interface SlackMessage {
  readonly text: string;
  readonly blocks: ReadonlyArray<Record<string, unknown>>;
}

const section = (markdown: string) => ({ type: 'section', text: { type: 'mrkdwn', text: markdown } });
const slackEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const linkBlock = (link: string | null, label: string) => (link ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: `<${link}|${slackEscape(label)}>` }] }] : []);

/** An incoming-webhook body: `text` (the notification's one-line fallback) and `blocks`. */
export function renderSlack(message: DeliveryMessage): SlackMessage {
  const text = subjectOf(message);
  const header = { type: 'header', text: { type: 'plain_text', text: text.slice(0, 150) } };
  switch (message.kind) {
    case 'alert': {
      const { rule, alerts, link } = message.body;
      const listed = alerts.slice(0, MAX_LISTED).map((alert) => section(`• ${slackEscape(describeAlert(alert))}`));
      const rest = alerts.length > MAX_LISTED ? [section(`…and ${alerts.length - MAX_LISTED} more`)] : [];
      const meta = { type: 'context', elements: [{ type: 'mrkdwn', text: slackEscape(`${rule.severity} · ${rule.kind} · ${message.body.workspace.name}`) }] };
      return { text, blocks: [header, meta, ...listed, ...rest, ...linkBlock(link, 'Open in Flowlens')] };
    }
    case 'test':
      return { text, blocks: [header, section(slackEscape(message.body.message)), ...linkBlock(message.body.link, 'Open Flowlens')] };
    case 'digest':
      return { text, blocks: [header, section(slackEscape(message.body.text).slice(0, 2900)), ...linkBlock(message.body.link, 'Open the dashboard')] };
  }
}
