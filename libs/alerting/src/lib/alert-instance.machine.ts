import type { Observation } from './alert-condition';
import type { AlertInstanceState, AlertSubject } from './alert-notification';

/** An instance as the state machine sees it; instants in epoch ms. */
export interface InstanceRecord {
  readonly subject: AlertSubject;
  readonly state: AlertInstanceState;
  readonly value: number | null;
  readonly threshold: number | null;
  /** The first evaluation at which the condition held; `forMinutes` counts from here. */
  readonly conditionSince: number;
  readonly startedAt: number | null;
  readonly resolvedAt: number | null;
  readonly lastNotifiedAt: number | null;
  readonly acknowledgedAt: number | null;
  readonly snoozedUntil: number | null;
}

export interface TimingRule {
  readonly forMinutes: number;
  readonly repeatHours: number;
  readonly notifyResolved: boolean;
}

export type TransitionEvent = 'pending' | 'firing' | 'repeat' | 'resolved' | 'updated';

/** What one evaluation did to one subject's instance. */
export interface Transition {
  /** The instance before (null: there was no open one). */
  readonly before: InstanceRecord | null;
  readonly after: InstanceRecord;
  readonly event: TransitionEvent;
  /** Whether this change goes into the rule's notification. */
  readonly notify: boolean;
}

const MINUTE = 60_000;
const HOUR = 3_600_000;

export const isSnoozed = (i: InstanceRecord, now: number): boolean => i.snoozedUntil !== null && now < i.snoozedUntil;

/**
 * One evaluation of one subject (metrics.md "Alerts" and "Alerts: precise rules"):
 * - the condition holds and no instance is open: a new one, `pending`, or `firing` at once when
 *   `forMinutes` is 0;
 * - pending → firing once `forMinutes` have passed since the condition first held;
 * - firing: a repeat once `repeatHours` have passed since `lastNotifiedAt` (or since it started
 *   firing, when it never notified because it was snoozed), unless acknowledged;
 * - the condition no longer holds: resolved; the resolved notification goes out when it was firing
 *   and the rule notifies resolutions, snoozed or acknowledged alike;
 * - while snoozed, starting to fire and repeats send nothing; an acknowledgement lasts until the
 *   instance changes state (a pending instance acknowledged, then firing, notifies and loses it).
 * `observation` null means the subject is gone (an item done, a release shipped): the condition
 * does not hold. Returns null when nothing is open and nothing holds.
 */
export function step(rule: TimingRule, open: InstanceRecord | null, observation: Observation | null, subject: AlertSubject, now: number): Transition | null {
  const holds = observation?.holds === true;
  const figures = observation ? { value: observation.value, threshold: observation.threshold } : {};
  if (!open) {
    if (!holds) return null;
    const fresh: InstanceRecord = { subject, state: 'pending', value: null, threshold: null, ...figures, conditionSince: now, startedAt: null, resolvedAt: null, lastNotifiedAt: null, acknowledgedAt: null, snoozedUntil: null };
    return rule.forMinutes <= 0 ? startFiring(null, fresh, now) : { before: null, after: fresh, event: 'pending', notify: false };
  }
  if (!holds) {
    const after: InstanceRecord = { ...open, ...figures, state: 'resolved', resolvedAt: now };
    const notify = open.state === 'firing' && rule.notifyResolved;
    return { before: open, after: notify ? { ...after, lastNotifiedAt: now } : after, event: 'resolved', notify };
  }
  const current: InstanceRecord = { ...open, ...figures };
  if (open.state === 'pending') {
    if (now - open.conditionSince >= rule.forMinutes * MINUTE) return startFiring(open, current, now);
    return { before: open, after: current, event: 'updated', notify: false };
  }
  const since = open.lastNotifiedAt ?? open.startedAt ?? open.conditionSince;
  if (open.acknowledgedAt === null && !isSnoozed(open, now) && now - since >= rule.repeatHours * HOUR) {
    return { before: open, after: { ...current, lastNotifiedAt: now }, event: 'repeat', notify: true };
  }
  return { before: open, after: current, event: 'updated', notify: false };
}

function startFiring(before: InstanceRecord | null, instance: InstanceRecord, now: number): Transition {
  const notify = !isSnoozed(instance, now);
  const after: InstanceRecord = { ...instance, state: 'firing', startedAt: now, acknowledgedAt: null, lastNotifiedAt: notify ? now : instance.lastNotifiedAt };
  return { before, after, event: 'firing', notify };
}

/** Which acknowledgement or snooze a user may apply: resolved instances take neither. */
export function acknowledge(i: InstanceRecord, now: number): InstanceRecord {
  if (i.state === 'resolved') throw new InstanceClosedError();
  return { ...i, acknowledgedAt: now };
}

export function snooze(i: InstanceRecord, until: number, now: number): InstanceRecord {
  if (i.state === 'resolved') throw new InstanceClosedError();
  if (until <= now) throw new RangeError('a snooze must end in the future');
  return { ...i, snoozedUntil: until };
}

export class InstanceClosedError extends Error {
  constructor() {
    super('the alert is resolved; only pending or firing alerts can be acknowledged or snoozed');
  }
}
