import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RiskEntity, type RiskHistoryEntry, type RoamState } from '../entities/risk.entity';

export interface SignalRef {
  readonly riskId: string;
  readonly signal: string;
  readonly subjectType: string;
  readonly subjectId: string;
}

export interface RoamChange {
  readonly roam: RoamState;
  readonly owner: string | null;
  readonly note: string | null;
  readonly by: string;
}

/** Signals per upsert statement (five arrays of this length per statement). */
const SYNC_CHUNK = 10_000;

@Injectable()
export class RiskRepository {
  constructor(private readonly db: DataSource) {}

  list(workspaceId: string): Promise<RiskEntity[]> {
    return this.db.getRepository(RiskEntity).find({ where: { workspaceId }, order: { riskId: 'ASC' } });
  }

  find(workspaceId: string, riskId: string): Promise<RiskEntity | null> {
    return this.db.getRepository(RiskEntity).findOneBy({ workspaceId, riskId });
  }

  /**
   * Brings the register in line with the signals present now, in one transaction: new signals
   * are added open; a closed one that is present again is reopened (ROAM cleared, a history
   * entry); an open one no longer present is closed (its ROAM state is kept). A workspace at
   * portfolio scale has 10^5 signals, listed on every call: they go in as arrays, a few statements
   * per call, and a row already open is rewritten only to move its `last_seen_at` on, at most
   * once an hour (so `last_seen_at` is exact to the hour, and an unchanged register writes nothing).
   */
  async sync(workspaceId: string, present: readonly SignalRef[], at: Date): Promise<void> {
    await this.db.transaction(async (tx) => {
      const iso = at.toISOString();
      const reopened: RiskHistoryEntry = { roam: null, owner: null, note: null, at: iso, by: 'system', open: true };
      for (let start = 0; start < present.length; start += SYNC_CHUNK) {
        const chunk = present.slice(start, start + SYNC_CHUNK);
        await tx.query(
          `INSERT INTO risks (workspace_id, risk_id, signal, subject_type, subject_id, first_seen_at, last_seen_at, updated_at)
           SELECT $1, p.risk_id, p.signal, p.subject_type, p.subject_id, $6, $6, $6
           FROM unnest($2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[]) AS p(risk_id, signal, subject_type, subject_id)
           ON CONFLICT (workspace_id, risk_id) DO UPDATE SET
             last_seen_at = EXCLUDED.last_seen_at,
             roam = CASE WHEN risks.open THEN risks.roam ELSE NULL END,
             history = CASE WHEN risks.open THEN risks.history ELSE risks.history || $7::jsonb END,
             updated_at = CASE WHEN risks.open THEN risks.updated_at ELSE EXCLUDED.updated_at END,
             open = true
           WHERE NOT risks.open OR risks.last_seen_at < EXCLUDED.last_seen_at - interval '1 hour'`,
          [workspaceId, chunk.map((r) => r.riskId), chunk.map((r) => r.signal), chunk.map((r) => r.subjectType), chunk.map((r) => r.subjectId), iso, JSON.stringify([reopened])],
        );
      }
      await tx.query(
        `UPDATE risks SET open = false, updated_at = $3::timestamptz,
           history = history || jsonb_build_array(jsonb_build_object('roam', roam, 'owner', owner, 'note', note, 'at', $4::text, 'by', 'system', 'open', false))
         WHERE workspace_id = $1 AND open AND risk_id NOT IN (SELECT unnest($2::varchar[]))`,
        [workspaceId, present.map((ref) => ref.riskId), iso, iso],
      );
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
