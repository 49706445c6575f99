import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AlertDeliveryKind, AlertDeliveryStatus } from '@flowlens/persistence';
import type { NextStep } from './retry-policy';

export interface ClaimedDelivery {
  readonly id: string;
  readonly channelId: string;
  readonly kind: AlertDeliveryKind;
  readonly body: Record<string, unknown>;
  /** Tries so far, this claim included: the fencing token of the claim. */
  readonly attempts: number;
}

export interface NewDelivery {
  readonly workspaceId: string;
  readonly channelId: string;
  readonly kind: AlertDeliveryKind;
  readonly ruleId?: string | null;
  readonly digestId?: string | null;
  readonly body: object;
}

export interface DeliveryRow {
  readonly id: string;
  readonly channelId: string;
  readonly kind: AlertDeliveryKind;
  readonly ruleId: string | null;
  readonly digestId: string | null;
  readonly status: AlertDeliveryStatus;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly nextAttemptAt: Date;
  readonly createdAt: Date;
  readonly sentAt: Date | null;
}

export interface DeliveryFilter {
  readonly status?: AlertDeliveryStatus | undefined;
  readonly channelId?: string | undefined;
  readonly ruleId?: string | undefined;
  readonly kind?: AlertDeliveryKind | undefined;
  /** Rows created strictly before this one (keyset paging, newest first). */
  readonly before?: { readonly createdAt: Date; readonly id: string } | undefined;
  readonly limit: number;
}

interface Row {
  id: string;
  channel_id: string;
  kind: AlertDeliveryKind;
  rule_id: string | null;
  digest_id: string | null;
  status: AlertDeliveryStatus;
  attempts: number;
  last_error: string | null;
  next_attempt_at: Date;
  created_at: Date;
  sent_at: Date | null;
}

const toRow = (r: Row): DeliveryRow => ({
  id: r.id,
  channelId: r.channel_id,
  kind: r.kind,
  ruleId: r.rule_id,
  digestId: r.digest_id,
  status: r.status,
  attempts: r.attempts,
  lastError: r.last_error,
  nextAttemptAt: new Date(r.next_attempt_at),
  createdAt: new Date(r.created_at),
  sentAt: r.sent_at === null ? null : new Date(r.sent_at),
});

/**
 * The alert_deliveries outbox. A claim takes due rows with FOR UPDATE SKIP LOCKED, counts the try
 * and leases the row (next_attempt_at moves past the lease) in one statement, so concurrent
 * dispatchers never take one row twice and no transaction stays open while sending. A row whose
 * dispatcher died mid-send comes due again when the lease runs out: resent, never lost.
 */
@Injectable()
export class DeliveryOutboxStore {
  constructor(private readonly db: DataSource) {}

  async enqueue(delivery: NewDelivery): Promise<string> {
    const rows: Array<{ id: string }> = await this.db.query(
      `INSERT INTO alert_deliveries (workspace_id, channel_id, kind, rule_id, digest_id, body) VALUES ($1, $2, $3, $4, $5, $6::jsonb) RETURNING id`,
      [delivery.workspaceId, delivery.channelId, delivery.kind, delivery.ruleId ?? null, delivery.digestId ?? null, JSON.stringify(delivery.body)],
    );
    return (rows[0] as { id: string }).id;
  }

  async claim(limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    const rows: Array<{ id: string; channel_id: string; kind: AlertDeliveryKind; body: Record<string, unknown> | string; attempts: number }> = await this.db.query(
      `UPDATE alert_deliveries d
          SET attempts = d.attempts + 1, next_attempt_at = now() + make_interval(secs => $2::double precision / 1000)
         FROM (SELECT id FROM alert_deliveries
                WHERE status = 'retrying' AND next_attempt_at <= now()
                ORDER BY next_attempt_at
                LIMIT $1
                FOR UPDATE SKIP LOCKED) due
        WHERE d.id = due.id
        RETURNING d.id, d.channel_id, d.kind, d.body, d.attempts`,
      [limit, leaseMs],
    );
    // TypeORM answers an UPDATE … RETURNING as [rows, affected] on PostgreSQL.
    const list = (Array.isArray(rows[0]) ? rows[0] : rows) as typeof rows;
    return list.map((r) => ({ id: r.id, channelId: r.channel_id, kind: r.kind, body: typeof r.body === 'string' ? (JSON.parse(r.body) as Record<string, unknown>) : r.body, attempts: r.attempts }));
  }

  /**
   * Records the outcome of the claim that counted `attempts`. A claim that lost its lease (another
   * dispatcher took the row since) records nothing: the newer claim owns the row.
   */
  async complete(id: string, attempts: number, step: NextStep): Promise<boolean> {
    const [sql, params] =
      step.status === 'sent'
        ? [`status = 'sent', sent_at = now(), last_error = NULL`, []]
        : step.status === 'failed'
          ? [`status = 'failed', last_error = $3`, [step.error]]
          : [`last_error = $3, next_attempt_at = $4`, [step.error, step.nextAttemptAt.toISOString()]];
    const result: unknown = await this.db.query(`UPDATE alert_deliveries SET ${sql} WHERE id = $1 AND attempts = $2 AND status = 'retrying' RETURNING id`, [id, attempts, ...params]);
    const rows = Array.isArray(result) && Array.isArray(result[0]) ? (result[0] as unknown[]) : (result as unknown[]);
    return rows.length > 0;
  }

  async list(workspaceId: string, filter: DeliveryFilter): Promise<DeliveryRow[]> {
    const where = ['workspace_id = $1'];
    const params: unknown[] = [workspaceId];
    const add = (clause: (n: number) => string, value: unknown) => {
      params.push(value);
      where.push(clause(params.length));
    };
    if (filter.status) add((n) => `status = $${n}`, filter.status);
    if (filter.channelId) add((n) => `channel_id = $${n}`, filter.channelId);
    if (filter.ruleId) add((n) => `rule_id = $${n}`, filter.ruleId);
    if (filter.kind) add((n) => `kind = $${n}`, filter.kind);
    if (filter.before) {
      params.push(filter.before.createdAt.toISOString(), filter.before.id);
      where.push(`(created_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(filter.limit);
    const rows: Row[] = await this.db.query(
      `SELECT id, channel_id, kind, rule_id, digest_id, status, attempts, last_error, next_attempt_at, created_at, sent_at
         FROM alert_deliveries WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map(toRow);
  }

  async find(workspaceId: string, id: string): Promise<DeliveryRow | null> {
    const rows: Row[] = await this.db.query(
      `SELECT id, channel_id, kind, rule_id, digest_id, status, attempts, last_error, next_attempt_at, created_at, sent_at FROM alert_deliveries WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, id],
    );
    return rows[0] ? toRow(rows[0]) : null;
  }
}
