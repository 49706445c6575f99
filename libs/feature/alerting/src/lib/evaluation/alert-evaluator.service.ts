import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type AlertInstanceView, type AlertRule, groupNotification, type InstanceRecord, type Observation, step, type Transition } from '@flowlens/alerting';
import type { AlertInstanceHistoryEntry } from '@flowlens/persistence';
import { ALERTING_OPTIONS, type AlertingOptions } from '../alerting.options';
import { AlertInstanceStore, type InstanceWrite, type StoredInstance, subjectKey, view } from '../instances/alert-instance.store';

export interface EvaluationOutcome {
  /** Instances pending or firing after the evaluation, and those it resolved (api.md `evaluate`). */
  readonly instances: AlertInstanceView[];
  /** Outbox rows written (one per live channel when anything notified). */
  readonly deliveries: number;
}

interface Change {
  readonly id: string;
  readonly isNew: boolean;
  readonly transition: Transition;
}

/**
 * Applies one evaluation of one rule: the state machine over every subject observed or open, and
 * the rule's one notification per channel, all in one transaction (instances, history and the
 * outbox rows commit together or not at all). The rule row is locked first, so evaluations of one
 * rule, from the schedule, an `evaluate` call or a second alerting process, run one after the other
 * and the later one sees what the earlier one notified: nothing is sent twice.
 */
@Injectable()
export class AlertEvaluator {
  constructor(
    private readonly db: DataSource,
    private readonly instances: AlertInstanceStore,
    @Inject(ALERTING_OPTIONS) private readonly options: AlertingOptions,
  ) {}

  /** `persist: false` answers what the evaluation would do and writes nothing (a disabled rule). */
  async apply(rule: AlertRule, workspace: { id: string; name: string }, observations: readonly Observation[], now: number, persist = true): Promise<EvaluationOutcome> {
    return this.db.transaction(async (tx) => {
      const locked: Array<{ enabled: boolean }> = await tx.query(`SELECT enabled FROM alert_rules WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`, [rule.id]);
      const live = locked[0]?.enabled === true && persist;
      if (!locked[0]) return { instances: [], deliveries: 0 };
      const open = await this.instances.openFor(tx, rule.id);
      const changes = transitions(rule, open, observations, now);
      if (!live) return { instances: changes.map((c) => view({ id: c.id, ruleId: rule.id, record: c.transition.after })), deliveries: 0 };
      await this.write(tx, workspace.id, rule.id, changes, now);
      const deliveries = await this.enqueue(tx, rule, workspace, changes);
      return { instances: changes.map((c) => view({ id: c.id, ruleId: rule.id, record: c.transition.after })), deliveries };
    });
  }

  /** The changes as two statements at most (new instances, changed ones), each with its history entries. */
  private async write(tx: EntityManager, workspaceId: string, ruleId: string, changes: readonly Change[], now: number): Promise<void> {
    const at = new Date(now).toISOString();
    const inserts: InstanceWrite[] = [];
    const updates: InstanceWrite[] = [];
    for (const change of changes) {
      const { before, after, event, notify } = change.transition;
      const history: AlertInstanceHistoryEntry[] = [];
      if (event !== 'updated' && event !== 'repeat') history.push({ at, event, state: after.state, value: after.value });
      if (notify) history.push({ at, event: 'notified', state: after.state, value: after.value });
      if (change.isNew) inserts.push({ id: change.id, record: after, history });
      else if (!(event === 'updated' && before && sameFigures(before, after))) updates.push({ id: change.id, record: after, history });
    }
    await this.instances.insertMany(tx, workspaceId, ruleId, inserts);
    await this.instances.updateMany(tx, updates);
  }

  private async enqueue(tx: EntityManager, rule: AlertRule, workspace: { id: string; name: string }, changes: readonly Change[]): Promise<number> {
    const link = this.options.publicUrl ? `${this.options.publicUrl.replace(/\/+$/, '')}/alerts?ruleId=${rule.id}` : null;
    const notification = groupNotification(rule, workspace, changes, link);
    if (!notification || rule.channelIds.length === 0) return 0;
    const rows: unknown = await tx.query(
      `INSERT INTO alert_deliveries (workspace_id, channel_id, kind, rule_id, body)
       SELECT $1, c.id, 'alert', $2, $3::jsonb FROM alert_channels c
        WHERE c.workspace_id = $1 AND c.deleted_at IS NULL AND c.id = ANY($4::uuid[])
       RETURNING id`,
      [workspace.id, rule.id, JSON.stringify(notification), [...rule.channelIds]],
    );
    // TypeORM answers a write with RETURNING as rows, or as [rows, affected] on some drivers.
    const list = Array.isArray(rows) && Array.isArray(rows[0]) ? (rows[0] as unknown[]) : (rows as unknown[]);
    return list.length;
  }
}

/**
 * The state machine over the union of the subjects observed now and the instances open before
 * (an open subject no longer observed is gone: its condition no longer holds). Pure.
 */
export function transitions(rule: AlertRule, open: readonly StoredInstance[], observations: readonly Observation[], now: number): Change[] {
  const openBySubject = new Map(open.map((i) => [subjectKey(i.record.subject), i]));
  const seen = new Set<string>();
  const changes: Change[] = [];
  for (const observation of observations) {
    const key = subjectKey(observation.subject);
    if (seen.has(key)) continue;
    seen.add(key);
    const current = openBySubject.get(key) ?? null;
    const transition = step(rule, current?.record ?? null, observation, observation.subject, now);
    if (transition) changes.push({ id: current?.id ?? randomUUID(), isNew: current === null, transition });
  }
  for (const [key, current] of openBySubject) {
    if (seen.has(key)) continue;
    const transition = step(rule, current.record, null, current.record.subject, now);
    if (transition) changes.push({ id: current.id, isNew: false, transition });
  }
  return changes;
}

const sameFigures = (a: InstanceRecord, b: InstanceRecord) => a.value === b.value && a.threshold === b.threshold;
