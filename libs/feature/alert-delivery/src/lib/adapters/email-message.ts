import type { DeliveryMessage } from './delivery-message';
import { describeAlert, escapeHtml, subjectOf } from './delivery-message';

export interface EmailMessage {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

const page = (title: string, inner: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body style="font-family:system-ui,sans-serif;color:#1f2933">${inner}</body></html>`;
const htmlLink = (link: string | null, label: string) => (link ? `<p><a href="${escapeHtml(link)}">${escapeHtml(label)}</a></p>` : '');
const textLink = (link: string | null) => (link ? `\n\n${link}\n` : '\n');

/** Subject `[Flowlens] <status>: <rule name>`, a plain-text part and an HTML part, each linking to the dashboard. */
export function renderEmail(message: DeliveryMessage): EmailMessage {
  const subject = subjectOf(message);
  switch (message.kind) {
    case 'alert': {
      const { rule, alerts, link, workspace } = message.body;
      const lines = alerts.map(describeAlert);
      const heading = `${rule.name} (${rule.severity}, ${rule.kind}) in ${workspace.name}`;
      return {
        subject,
        text: `${heading}\n\n${lines.map((l) => `- ${l}`).join('\n')}${textLink(link)}`,
        html: page(subject, `<h2>${escapeHtml(heading)}</h2><ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>${htmlLink(link, 'Open in Flowlens')}`),
      };
    }
    case 'test':
      return {
        subject,
        text: `${message.body.message}${textLink(message.body.link)}`,
        html: page(subject, `<p>${escapeHtml(message.body.message)}</p>${htmlLink(message.body.link, 'Open Flowlens')}`),
      };
    case 'digest':
      return { subject, text: message.body.text, html: message.body.html };
  }
}
