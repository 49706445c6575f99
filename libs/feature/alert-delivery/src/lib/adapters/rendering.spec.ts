import type { AlertInstanceView, AlertNotification } from '@flowlens/alerting';
import { createHmac } from 'node:crypto';
import type { DeliveryMessage } from './delivery-message';
import { renderEmail } from './email-message';
import { renderSlack } from './slack-message';
import { signBody } from './webhook.adapter';

const instance = (id: string, state: AlertInstanceView['state'], value: number): AlertInstanceView => ({
  id,
  ruleId: 'r1',
  subject: { type: 'board', id },
  state,
  value,
  threshold: 10,
  startedAt: '2026-01-05T10:00:00.000Z',
  resolvedAt: state === 'resolved' ? '2026-01-05T11:00:00.000Z' : null,
  lastNotifiedAt: null,
  acknowledgedAt: null,
  snoozedUntil: null,
});
const notification = (alerts: AlertInstanceView[], status: 'firing' | 'resolved' = 'firing'): AlertNotification => ({
  version: 1,
  status,
  workspace: { id: 'w1', name: 'PMO <Ops>' },
  rule: { id: 'r1', name: 'WIP over limit', kind: 'wip-limit', severity: 'critical' },
  alerts,
  link: 'https://flowlens.example.com/alerts?ruleId=r1',
});
const alert = (alerts: AlertInstanceView[], status: 'firing' | 'resolved' = 'firing'): DeliveryMessage => ({ kind: 'alert', body: notification(alerts, status) });

describe('Slack rendering', () => {
  it('gives a text fallback and blocks: header, rule context, one section per alert, the dashboard link', () => {
    const slack = renderSlack(alert([instance('PMO', 'firing', 12.345), instance('OPS', 'resolved', 8)]));
    expect(slack.text).toBe('[Flowlens] firing: WIP over limit');
    expect(slack.blocks.map((b) => b['type'])).toEqual(['header', 'context', 'section', 'section', 'context']);
    expect(JSON.stringify(slack.blocks[2])).toContain('board PMO: firing, 12.35 (threshold 10)');
    expect(JSON.stringify(slack.blocks[1])).toContain('PMO &lt;Ops&gt;');
    expect(JSON.stringify(slack.blocks[4])).toContain('<https://flowlens.example.com/alerts?ruleId=r1|Open in Flowlens>');
  });

  it('stays within Slack block limits however many instances changed', () => {
    const many = Array.from({ length: 120 }, (_, i) => instance(`B${i}`, 'firing', i));
    const slack = renderSlack(alert(many));
    expect(slack.blocks.length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(slack.blocks)).toContain('…and 100 more');
  });
});

describe('e-mail rendering', () => {
  it('has the subject "[Flowlens] <status>: <rule name>", a text and an HTML part, both linking to the dashboard', () => {
    const mail = renderEmail(alert([instance('OPS', 'resolved', 8)], 'resolved'));
    expect(mail.subject).toBe('[Flowlens] resolved: WIP over limit');
    expect(mail.text).toContain('- board OPS: resolved, 8 (threshold 10)');
    expect(mail.text).toContain('https://flowlens.example.com/alerts?ruleId=r1');
    expect(mail.html).toContain('<li>board OPS: resolved, 8 (threshold 10)</li>');
    expect(mail.html).toContain('<a href="https://flowlens.example.com/alerts?ruleId=r1">');
    // Names come from users: escaped in HTML.
    expect(mail.html).toContain('PMO &lt;Ops&gt;');
    expect(mail.html).not.toContain('<Ops>');
  });

  it('renders a test message and passes a digest through as rendered', () => {
    const test = renderEmail({ kind: 'test', body: { version: 1, status: 'test', workspace: { id: 'w', name: 'W' }, channel: { id: 'c', name: 'Leads' }, message: 'hello', link: null } });
    expect(test).toMatchObject({ subject: '[Flowlens] test: Leads', text: 'hello\n' });
    const digest = renderEmail({ kind: 'digest', body: { version: 1, status: 'digest', workspace: { id: 'w', name: 'W' }, digest: { id: 'd', name: 'Weekly', week: '2026-01-05' }, subject: 'S', text: 'T', html: '<p>H</p>', link: null } });
    expect(digest).toEqual({ subject: 'S', text: 'T', html: '<p>H</p>' });
  });
});

describe('webhook signature', () => {
  it('is sha256=<hex HMAC-SHA256(secret, body)> over the exact body', () => {
    const body = JSON.stringify(notification([instance('PMO', 'firing', 12)]));
    expect(signBody('s3cret-key', body)).toBe(`sha256=${createHmac('sha256', 's3cret-key').update(body).digest('hex')}`);
    expect(signBody('s3cret-key', body)).toMatch(/^sha256=[0-9a-f]{64}$/);
  });
});
