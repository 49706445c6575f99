import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RiskEntity, type RiskHistoryEntry, type RoamState } from '../entities/risk.entity';

export interface SignalRef {
  readonly riskId: string;
  readonly signal: string;
  readonly subjectType: string;
  readonly subjectId: string;
}

/** A register row as listed. */
export type RiskRow = Pick<RiskEntity, 'riskId' | 'signal' | 'subjectType' | 'subjectId' | 'roam' | 'owner' | 'note' | 'open' | 'history'>;

export interface RoamChange {
  readonly roam: RoamState;
  readonly owner: string | null;
  readonly note: string | null;
  readonly by: string;
}

/** Rows per statement of a sync (its arrays hold this many ids at most). */
const SYNC_CHUNK = 10_000;

function* chunks<T>(rows: readonly T[]): Generator<T[]> {
  for (let start = 0; start < rows.length; start += SYNC_CHUNK) yield rows.slice(start, start + SYNC_CHUNK);
}

@Injectable()
export class RiskRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * The workspace's register by risk id. Built as one JSON document in the database: a register at
   * portfolio scale holds 10^5 rows, and one text value parses far faster than as many rows.
   */
  async list(workspaceId: string): Promise<RiskRow[]> {
    const [row]: Array<{ rows: string }> = await this.db.query(
      `SELECT coalesce(json_agg(json_build_object('riskId', risk_id, 'signal', signal, 'subjectType', subject_type, 'subjectId', subject_id,
                'roam', roam, 'owner', owner, 'note', note, 'open', open, 'history', history) ORDER BY risk_id), '[]')::text AS rows
       FROM risks WHERE workspace_id = $1`,
      [workspaceId],
    );
    return JSON.parse(row?.rows ?? '[]') as RiskRow[];
  }

  find(workspaceId: string, riskId: string): Promise<RiskEntity | null> {
    return this.db.getRepository(RiskEntity).findOneBy({ workspaceId, riskId });
  }

  /**
   * Brings the register in line with the signals present now, in one transaction: new signals
   * are added open; a closed one that is present again is reopened (ROAM cleared, a history
   * entry); an open one no longer present is closed (its ROAM state is kept). A workspace at
   * portfolio scale has 10^5 signals, listed on every call: the register's states are read once
   * and only the differences written, as arrays, and a row already open is rewritten only to move
   * its `last_seen_at` on, at most once an hour (so `last_seen_at` is exact to the hour, and an
   * unchanged register writes nothing). Each write re-checks the state it changes, so concurrent
   * listings (two API processes) converge.
   */
  async sync(workspaceId: string, present: readonly SignalRef[], at: Date): Promise<void> {
    await this.db.transaction(async (tx) => {
      const iso = at.toISOString();
      // Every row's state as one text value ("<riskId> <open> <stale>" lines): see list().
      const [states]: Array<{ states: string }> = await tx.query(
        `SELECT coalesce(string_agg(risk_id || ' ' || open::int || ' ' || (last_seen_at < $2::timestamptz - interval '1 hour')::int, E'\n'), '') AS states
         FROM risks WHERE workspace_id = $1`,
        [workspaceId, iso],
      );
      const rows = (states?.states ?? '')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => {
          const [id, open, stale] = line.split(' ');
          return { risk_id: id as string, open: open === '1', stale: stale === '1' };
        });
      const known = new Map(rows.map((row) => [row.risk_id, row]));
      const presentIds = new Set(present.map((ref) => ref.riskId));
      const added = present.filter((ref) => !known.has(ref.riskId));
      const returning = present.filter((ref) => known.get(ref.riskId)?.open === false).map((ref) => ref.riskId);
      const seen = present.filter((ref) => known.get(ref.riskId)?.stale === true).map((ref) => ref.riskId);
      const cleared = rows.filter((row) => row.open && !presentIds.has(row.risk_id)).map((row) => row.risk_id);
      const reopened: RiskHistoryEntry = { roam: null, owner: null, note: null, at: iso, by: 'system', open: true };
      for (const chunk of chunks(added)) {
        await tx.query(
          `INSERT INTO risks (workspace_id, risk_id, signal, subject_type, subject_id, first_seen_at, last_seen_at, updated_at)
           SELECT $1, p.risk_id, p.signal, p.subject_type, p.subject_id, $6, $6, $6
           FROM unnest($2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[]) AS p(risk_id, signal, subject_type, subject_id)
           ON CONFLICT (workspace_id, risk_id) DO NOTHING`,
          [workspaceId, chunk.map((r) => r.riskId), chunk.map((r) => r.signal), chunk.map((r) => r.subjectType), chunk.map((r) => r.subjectId), iso],
        );
      }
      for (const ids of chunks(returning)) {
        await tx.query(
          `UPDATE risks SET open = true, roam = NULL, history = history || $3::jsonb, updated_at = $4, last_seen_at = $4
           WHERE workspace_id = $1 AND risk_id = ANY($2::varchar[]) AND NOT open`,
          [workspaceId, ids, JSON.stringify([reopened]), iso],
        );
      }
      for (const ids of chunks(seen)) {
        await tx.query(`UPDATE risks SET last_seen_at = $3 WHERE workspace_id = $1 AND risk_id = ANY($2::varchar[]) AND last_seen_at < $3`, [workspaceId, ids, iso]);
      }
      for (const ids of chunks(cleared)) {
        await tx.query(
          `UPDATE risks SET open = false, updated_at = $3::timestamptz,
             history = history || jsonb_build_array(jsonb_build_object('roam', roam, 'owner', owner, 'note', note, 'at', $4::text, 'by', 'system', 'open', false))
           WHERE workspace_id = $1 AND open AND risk_id = ANY($2::varchar[])`,
          [workspaceId, ids, iso, iso],
        );
      }
    });
  }

  /** Sets the ROAM state; null when the workspace has no such risk. */
  async changeRoam(workspaceId: string, riskId: string, change: RoamChange, at: Date): Promise<RiskEntity | null> {
    const entry: RiskHistoryEntry = { roam: change.roam, owner: change.owner, note: change.note, at: at.toISOString(), by: change.by };
    const rows: Array<{ risk_id: string }> = await this.db.query(
      `WITH u AS (
         UPDATE risks SET roam = $3, owner = $4, note = $5, history = history || $6::jsonb, updated_at = $7
         WHERE workspace_id = $1 AND risk_id = $2 RETURNING risk_id
       ) SELECT risk_id FROM u`,
      [workspaceId, riskId, change.roam, change.owner, change.note, JSON.stringify([entry]), at.toISOString()],
    );
    return rows.length > 0 ? this.find(workspaceId, riskId) : null;
  }
}
