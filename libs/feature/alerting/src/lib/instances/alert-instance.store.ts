import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AlertInstanceState, AlertInstanceView, AlertSubject, AlertSubjectType, InstanceRecord } from '@flowlens/alerting';
import { instanceView } from '@flowlens/alerting';
import type { AlertInstanceHistoryEntry } from '@flowlens/persistence';

interface Row {
  id: string;
  rule_id: string;
  subject_type: AlertSubjectType;
  subject_id: string;
  state: AlertInstanceState;
  value: number | null;
  threshold: number | null;
  condition_since: Date;
  started_at: Date | null;
  resolved_at: Date | null;
  last_notified_at: Date | null;
  acknowledged_at: Date | null;
  snoozed_until: Date | null;
  history?: AlertInstanceHistoryEntry[];
}

const COLUMNS = 'id, rule_id, subject_type, subject_id, state, value, threshold, condition_since, started_at, resolved_at, last_notified_at, acknowledged_at, snoozed_until';
const ms = (d: Date | null) => (d === null ? null : new Date(d).getTime());
const ts = (n: number | null) => (n === null ? null : new Date(n).toISOString());

/** A stored instance: its id, rule and the state machine's record. */
export interface StoredInstance {
  readonly id: string;
  readonly ruleId: string;
  readonly record: InstanceRecord;
}

function stored(r: Row): StoredInstance {
  return {
    id: r.id,
    ruleId: r.rule_id,
    record: {
      subject: { type: r.subject_type, id: r.subject_id },
      state: r.state,
      value: r.value === null ? null : Number(r.value),
      threshold: r.threshold === null ? null : Number(r.threshold),
      conditionSince: ms(r.condition_since) as number,
      startedAt: ms(r.started_at),
      resolvedAt: ms(r.resolved_at),
      lastNotifiedAt: ms(r.last_notified_at),
      acknowledgedAt: ms(r.acknowledged_at),
      snoozedUntil: ms(r.snoozed_until),
    },
  };
}

export const subjectKey = (s: AlertSubject) => `${s.type}\u0000${s.id}`;

/** Alert instances (PostgreSQL): at most one open (pending or firing) per rule and subject. */
@Injectable()
export class AlertInstanceStore {
  constructor(private readonly db: DataSource) {}

  /** The rule's open instances, locked for the evaluation's transaction. */
  async openFor(tx: EntityManager, ruleId: string): Promise<StoredInstance[]> {
    const rows: Row[] = await tx.query(`SELECT ${COLUMNS} FROM alert_instances WHERE rule_id = $1 AND state <> 'resolved' FOR UPDATE`, [ruleId]);
    return rows.map(stored);
  }

  async insert(tx: EntityManager, workspaceId: string, id: string, ruleId: string, r: InstanceRecord, history: AlertInstanceHistoryEntry[]): Promise<void> {
    await tx.query(
      `INSERT INTO alert_instances (id, workspace_id, rule_id, subject_type, subject_id, state, value, threshold, condition_since, started_at, resolved_at, last_notified_at, acknowledged_at, snoozed_until, history, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::jsonb, now())`,
      [id, workspaceId, ruleId, r.subject.type, r.subject.id, r.state, r.value, r.threshold, ts(r.conditionSince), ts(r.startedAt), ts(r.resolvedAt), ts(r.lastNotifiedAt), ts(r.acknowledgedAt), ts(r.snoozedUntil), JSON.stringify(history)],
    );
  }

  async update(tx: EntityManager | DataSource, id: string, r: InstanceRecord, history: AlertInstanceHistoryEntry[]): Promise<void> {
    await tx.query(
      `UPDATE alert_instances SET state = $2, value = $3, threshold = $4, condition_since = $5, started_at = $6, resolved_at = $7, last_notified_at = $8,
              acknowledged_at = $9, snoozed_until = $10, history = history || $11::jsonb, updated_at = now()
        WHERE id = $1`,
      [id, r.state, r.value, r.threshold, ts(r.conditionSince), ts(r.startedAt), ts(r.resolvedAt), ts(r.lastNotifiedAt), ts(r.acknowledgedAt), ts(r.snoozedUntil), JSON.stringify(history)],
    );
  }

  async list(workspaceId: string, filter: { state?: AlertInstanceState | undefined; ruleId?: string | undefined; limit: number }): Promise<AlertInstanceView[]> {
    const where = ['workspace_id = $1'];
    const params: unknown[] = [workspaceId];
    if (filter.state) where.push(`state = $${params.push(filter.state)}`);
    if (filter.ruleId) where.push(`rule_id = $${params.push(filter.ruleId)}`);
    const rows: Row[] = await this.db.query(
      `SELECT ${COLUMNS} FROM alert_instances WHERE ${where.join(' AND ')} ORDER BY coalesce(resolved_at, started_at, condition_since) DESC, id DESC LIMIT $${params.push(filter.limit)}`,
      params,
    );
    return rows.map((r) => view(stored(r)));
  }

  async find(workspaceId: string, id: string): Promise<(StoredInstance & { history: AlertInstanceHistoryEntry[] }) | null> {
    const rows: Row[] = await this.db.query(`SELECT ${COLUMNS}, history FROM alert_instances WHERE workspace_id = $1 AND id = $2`, [workspaceId, id]);
    const row = rows[0];
    return row ? { ...stored(row), history: row.history ?? [] } : null;
  }

  /** Applies a user's change (ack, snooze) to an instance under a row lock; null when it is gone. */
  async change(workspaceId: string, id: string, apply: (i: StoredInstance) => { record: InstanceRecord; entry: AlertInstanceHistoryEntry }): Promise<StoredInstance | null> {
    return this.db.transaction(async (tx) => {
      const rows: Row[] = await tx.query(`SELECT ${COLUMNS} FROM alert_instances WHERE workspace_id = $1 AND id = $2 FOR UPDATE`, [workspaceId, id]);
      if (!rows[0]) return null;
      const current = stored(rows[0]);
      const { record, entry } = apply(current);
      await this.update(tx, id, record, [entry]);
      return { ...current, record };
    });
  }
}

export const view = (i: StoredInstance): AlertInstanceView => instanceView(i.id, i.ruleId, i.record);
