import type { InstanceRecord, Transition } from './alert-instance.machine';
import type { AlertInstanceView, AlertNotification } from './alert-notification';

export interface NotifiedRule {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly severity: 'info' | 'warning' | 'critical';
  readonly channelIds: readonly string[];
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function instanceView(id: string, ruleId: string, i: InstanceRecord): AlertInstanceView {
  return {
    id,
    ruleId,
    subject: i.subject,
    state: i.state,
    value: i.value,
    threshold: i.threshold,
    startedAt: iso(i.startedAt),
    resolvedAt: iso(i.resolvedAt),
    lastNotifiedAt: iso(i.lastNotifiedAt),
    acknowledgedAt: iso(i.acknowledgedAt),
    snoozedUntil: iso(i.snoozedUntil),
  };
}

/**
 * One evaluation of a rule gives at most one notification, the same for every channel of the rule,
 * listing every instance whose change notifies (started firing, repeated, resolved). Null when none did.
 */
export function groupNotification(
  rule: NotifiedRule,
  workspace: { id: string; name: string },
  changes: ReadonlyArray<{ id: string; transition: Transition }>,
  link: string | null,
): AlertNotification | null {
  const listed = changes.filter((c) => c.transition.notify).map((c) => instanceView(c.id, rule.id, c.transition.after));
  if (listed.length === 0) return null;
  return {
    version: 1,
    status: listed.some((a) => a.state === 'firing') ? 'firing' : 'resolved',
    workspace: { id: workspace.id, name: workspace.name },
    rule: { id: rule.id, name: rule.name, kind: rule.kind, severity: rule.severity },
    alerts: listed,
    link,
  };
}
