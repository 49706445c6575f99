import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ConnectorType } from '../entities/connector.entity';
import { DeadLetterEntity, type DeadLetterStatus } from '../entities/dead-letter.entity';

export interface NewDeadLetter {
  readonly workspaceId: string;
  readonly deliveryId: string;
  readonly connectorId: string;
  readonly source: ConnectorType;
  readonly reason: string;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
  /** UTC ISO instant the gateway received the delivery. */
  readonly receivedAt: string;
}

/** Keyset position in the newest-first listing. */
export interface DeadLetterPosition {
  readonly receivedAt: Date;
  readonly deliveryId: string;
}

export interface DeadLetterQuery {
  readonly status?: DeadLetterStatus;
  readonly limit: number;
  readonly after?: DeadLetterPosition;
}

@Injectable()
export class DeadLetterRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Records a dead letter; the same delivery failing again (a source retry) counts one more attempt
   * with the latest reason and is open again.
   */
  async record(letter: NewDeadLetter): Promise<void> {
    await this.db.query(
      `INSERT INTO dead_letters (workspace_id, delivery_id, connector_id, source, reason, body, headers, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)
       ON CONFLICT (workspace_id, delivery_id) DO UPDATE SET
         reason = EXCLUDED.reason, body = EXCLUDED.body, headers = EXCLUDED.headers, status = 'open', resolved_at = NULL,
         attempts = dead_letters.attempts + 1, last_attempt_at = now(), updated_at = now()`,
      [letter.workspaceId, letter.deliveryId, letter.connectorId, letter.source, letter.reason, letter.body, JSON.stringify(letter.headers), letter.receivedAt],
    );
  }

  /** Open letters across every workspace (an operator's figure: the metrics endpoint). */
  countOpen(): Promise<number> {
    return this.db.getRepository(DeadLetterEntity).countBy({ status: 'open' });
  }

  /** Open letters of one workspace (the `data-quality` alert's figure). */
  countOpenIn(workspaceId: string): Promise<number> {
    return this.db.getRepository(DeadLetterEntity).countBy({ workspaceId, status: 'open' });
  }

  find(workspaceId: string, deliveryId: string): Promise<DeadLetterEntity | null> {
    return this.db.getRepository(DeadLetterEntity).findOneBy({ workspaceId, deliveryId });
  }

  /** Newest first by receive time (then delivery id), `limit` rows after the given position. */
  list(workspaceId: string, query: DeadLetterQuery): Promise<DeadLetterEntity[]> {
    const builder = this.db
      .getRepository(DeadLetterEntity)
      .createQueryBuilder('d')
      .where('d.workspace_id = :workspaceId', { workspaceId })
      .orderBy('d.received_at', 'DESC')
      .addOrderBy('d.delivery_id', 'DESC')
      .limit(query.limit);
    if (query.status) builder.andWhere('d.status = :status', { status: query.status });
    if (query.after) builder.andWhere('(d.received_at, d.delivery_id) < (:at, :id)', { at: query.after.receivedAt, id: query.after.deliveryId });
    return builder.getMany();
  }

  /** Marks a re-driven letter; null when it was not in one of `from` (someone else got there first). */
  markRedriven(workspaceId: string, deliveryId: string, from: readonly DeadLetterStatus[]): Promise<DeadLetterEntity | null> {
    return this.transition(workspaceId, deliveryId, from, `status = 'redriven', resolved_at = now(), attempts = attempts + 1, last_attempt_at = now()`);
  }

  discard(workspaceId: string, deliveryId: string): Promise<DeadLetterEntity | null> {
    return this.transition(workspaceId, deliveryId, ['open'], `status = 'discarded', resolved_at = now()`);
  }

  /** A re-drive that still fails: one more attempt and the new reason; the letter stays where it was. */
  async recordFailedAttempt(workspaceId: string, deliveryId: string, reason: string): Promise<DeadLetterEntity | null> {
    await this.db.query(
      `UPDATE dead_letters SET reason = $3, attempts = attempts + 1, last_attempt_at = now(), updated_at = now()
       WHERE workspace_id = $1 AND delivery_id = $2`,
      [workspaceId, deliveryId, reason],
    );
    return this.find(workspaceId, deliveryId);
  }

  private async transition(workspaceId: string, deliveryId: string, from: readonly DeadLetterStatus[], set: string): Promise<DeadLetterEntity | null> {
    // A CTE makes the driver answer rows for an UPDATE the same way on pg and PGlite.
    const rows: Array<{ delivery_id: string }> = await this.db.query(
      `WITH u AS (
         UPDATE dead_letters SET ${set}, updated_at = now()
         WHERE workspace_id = $1 AND delivery_id = $2 AND status = ANY($3::varchar[]) RETURNING delivery_id
       ) SELECT delivery_id FROM u`,
      [workspaceId, deliveryId, [...from]],
    );
    return rows.length > 0 ? this.find(workspaceId, deliveryId) : null;
  }
}
