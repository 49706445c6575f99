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

/** Rows per write statement: one JSON parameter each, well inside PostgreSQL's limits. */
const WRITE_BATCH = 2000;
const RECORD_COLUMNS =
  'id uuid, state text, value double precision, threshold double precision, condition_since timestamptz, started_at timestamptz, resolved_at timestamptz, last_notified_at timestamptz, acknowledged_at timestamptz, snoozed_until timestamptz, history jsonb';

/** An instance to write: its record and the history entries the write appends. */
export interface InstanceWrite {
  readonly id: string;
  readonly record: InstanceRecord;
  readonly history: readonly AlertInstanceHistoryEntry[];
}

const writeRow = ({ id, record: r, history }: InstanceWrite) => ({
  id,
  subject_type: r.subject.type,
  subject_id: r.subject.id,
  state: r.state,
  value: r.value,
  threshold: r.threshold,
  condition_since: ts(r.conditionSince),
  started_at: ts(r.startedAt),
  resolved_at: ts(r.resolvedAt),
  last_notified_at: ts(r.lastNotifiedAt),
  acknowledged_at: ts(r.acknowledgedAt),
  snoozed_until: ts(r.snoozedUntil),
  history,
});

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

  /** New instances of one rule, in statements of up to {@link WRITE_BATCH} rows (a breach of every item in progress is thousands). */
  async insertMany(tx: EntityManager, workspaceId: string, ruleId: string, rows: ReadonlyArray<InstanceWrite>): Promise<void> {
    for (let i = 0; i < rows.length; i += WRITE_BATCH) {
      await tx.query(
        `INSERT INTO alert_instances (id, workspace_id, rule_id, subject_type, subject_id, state, value, threshold, condition_since, started_at, resolved_at, last_notified_at, acknowledged_at, snoozed_until, history, updated_at)
         SELECT x.id, $1, $2, x.subject_type, x.subject_id, x.state, x.value, x.threshold, x.condition_since, x.started_at, x.resolved_at, x.last_notified_at, x.acknowledged_at, x.snoozed_until, x.history, now()
           FROM jsonb_to_recordset($3::jsonb) AS x(${RECORD_COLUMNS}, subject_type text, subject_id text)`,
        [workspaceId, ruleId, JSON.stringify(rows.slice(i, i + WRITE_BATCH).map(writeRow))],
      );
    }
  }

  /** Changed instances, each with the history entries to append, in statements of up to {@link WRITE_BATCH} rows. */
  async updateMany(tx: EntityManager | DataSource, rows: ReadonlyArray<InstanceWrite>): Promise<void> {
    for (let i = 0; i < rows.length; i += WRITE_BATCH) {
      await tx.query(
        `UPDATE alert_instances a SET state = x.state, value = x.value, threshold = x.threshold, condition_since = x.condition_since, started_at = x.started_at,
                resolved_at = x.resolved_at, last_notified_at = x.last_notified_at, acknowledged_at = x.acknowledged_at, snoozed_until = x.snoozed_until,
                history = a.history || x.history, updated_at = now()
           FROM jsonb_to_recordset($1::jsonb) AS x(${RECORD_COLUMNS})
          WHERE a.id = x.id`,
        [JSON.stringify(rows.slice(i, i + WRITE_BATCH).map(writeRow))],
      );
    }
  }

  async update(tx: EntityManager | DataSource, id: string, r: InstanceRecord, history: AlertInstanceHistoryEntry[]): Promise<void> {
    await this.updateMany(tx, [{ id, record: r, history }]);
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
