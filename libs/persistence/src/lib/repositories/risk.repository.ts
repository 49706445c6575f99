import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { DataSource, type EntityManager } from 'typeorm';
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

/** A row's state as a sync reads it. */
interface RowState {
  open: boolean;
  lastSeenMs: number;
  /** The last sync that found it present (see differences()). */
  mark?: number;
}

/** A workspace's register as this process last read it, at a register version. */
interface Listed {
  readonly version: string;
  rows: RiskRow[] | null;
  states: Map<string, RowState> | null;
  /** The last sync at this version, when it changed nothing: what it found present (see sync()). */
  synced?: Synced;
}

interface Synced {
  readonly present: readonly SignalRef[];
  /** The oldest `last_seen_at` among the present rows after that sync. */
  readonly oldestSeenMs: number;
}

const HOUR_MS = 3_600_000;

/**
 * The ROAM register. Every write that changes what the register lists raises the workspace's
 * register version (risk_register_versions), in the same transaction; a listing or a sync reads
 * that one row and reuses what this process read at the same version, so a register of 10^5 risks
 * is read from the database only after it changed (by any process).
 */
@Injectable()
export class RiskRepository {
  private readonly listed = new LRUCache<string, Listed>({ max: 16 });

  constructor(private readonly db: DataSource) {}

  /** The workspace's register by risk id. */
  async list(workspaceId: string): Promise<RiskRow[]> {
    // The version first: rows read after it are at least as new (a later change raises it again).
    const version = await versionOf(this.db, workspaceId);
    const cached = this.listed.get(workspaceId);
    if (cached?.version === version && cached.rows) return cached.rows;
    // One JSON document: one text value parses far faster (PGlite) than 10^5 rows.
    const [row]: Array<{ rows: string }> = await this.db.query(
      `SELECT coalesce(json_agg(json_build_object('riskId', risk_id, 'signal', signal, 'subjectType', subject_type, 'subjectId', subject_id,
                'roam', roam, 'owner', owner, 'note', note, 'open', open, 'history', history) ORDER BY risk_id), '[]')::text AS rows
       FROM risks WHERE workspace_id = $1`,
      [workspaceId],
    );
    const rows = JSON.parse(row?.rows ?? '[]') as RiskRow[];
    const same = cached?.version === version;
    this.listed.set(workspaceId, { version, rows, states: same ? cached.states : null, synced: same ? cached.synced : undefined });
    return rows;
  }

  find(workspaceId: string, riskId: string): Promise<RiskEntity | null> {
    return this.db.getRepository(RiskEntity).findOneBy({ workspaceId, riskId });
  }

  /**
   * Brings the register in line with the signals present now, in one transaction (serialised per
   * workspace by its version row): new signals are added open; a closed one that is present again
   * is reopened (ROAM cleared, a history entry); an open one no longer present is closed (its ROAM
   * state is kept). Only the differences are written, as arrays; a row already open is rewritten
   * only to move its `last_seen_at` on, at most once an hour (so `last_seen_at` is exact to the
   * hour, and an unchanged register writes nothing and raises no version).
   *
   * The same signals as the last sync at the same register version, with no heartbeat due, are in
   * line already: the sync reads the version and returns (the listings of a quiet register find
   * the same 10^5 signal references each time: comparing them costs a pointer each).
   */
  async sync(workspaceId: string, present: readonly SignalRef[], at: Date): Promise<void> {
    const last = this.listed.get(workspaceId);
    if (last?.synced && last.synced.oldestSeenMs >= at.getTime() - HOUR_MS && sameRefs(last.synced.present, present) && (await versionOf(this.db, workspaceId)) === last.version) return;
    const iso = at.toISOString();
    const outcome = await this.db.transaction(async (tx) => {
      await tx.query(`INSERT INTO risk_register_versions (workspace_id) VALUES ($1) ON CONFLICT (workspace_id) DO NOTHING`, [workspaceId]);
      const version = await versionOf(tx, workspaceId, { lock: true });
      const cached = this.listed.get(workspaceId);
      const states = cached?.version === version && cached.states ? cached.states : await readStates(tx, workspaceId);
      const { added, returning, seen, cleared } = differences(states, present, at.getTime() - HOUR_MS);
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
      const changed = added.length + returning.length + cleared.length > 0;
      if (changed) await raiseVersion(tx, workspaceId);
      for (const id of seen) (states.get(id) as RowState).lastSeenMs = at.getTime();
      return { changed, version, states, rows: cached?.version === version ? cached.rows : null };
    });
    // Unchanged: what was read stays good at this version (the heartbeats are kept in it too).
    if (outcome.changed) this.listed.delete(workspaceId);
    else {
      let oldestSeenMs = Infinity;
      for (const ref of present) oldestSeenMs = Math.min(oldestSeenMs, (outcome.states.get(ref.riskId) as RowState).lastSeenMs);
      this.listed.set(workspaceId, { version: outcome.version, rows: outcome.rows, states: outcome.states, synced: { present, oldestSeenMs } });
    }
  }

  /** Sets the ROAM state; null when the workspace has no such risk. */
  async changeRoam(workspaceId: string, riskId: string, change: RoamChange, at: Date): Promise<RiskEntity | null> {
    const entry: RiskHistoryEntry = { roam: change.roam, owner: change.owner, note: change.note, at: at.toISOString(), by: change.by };
    const changed = await this.db.transaction(async (tx) => {
      const rows: Array<{ risk_id: string }> = await tx.query(
        `WITH u AS (
           UPDATE risks SET roam = $3, owner = $4, note = $5, history = history || $6::jsonb, updated_at = $7
           WHERE workspace_id = $1 AND risk_id = $2 RETURNING risk_id
         ) SELECT risk_id FROM u`,
        [workspaceId, riskId, change.roam, change.owner, change.note, JSON.stringify([entry]), at.toISOString()],
      );
      if (rows.length > 0) await raiseVersion(tx, workspaceId);
      return rows.length > 0;
    });
    this.listed.delete(workspaceId);
    return changed ? this.find(workspaceId, riskId) : null;
  }
}

type Queryable = Pick<EntityManager, 'query'>;

async function versionOf(db: Queryable, workspaceId: string, options: { lock?: boolean } = {}): Promise<string> {
  const rows: Array<{ version: string }> = await db.query(
    `SELECT version::text AS version FROM risk_register_versions WHERE workspace_id = $1${options.lock ? ' FOR UPDATE' : ''}`,
    [workspaceId],
  );
  return rows[0]?.version ?? '0';
}

async function raiseVersion(db: Queryable, workspaceId: string): Promise<void> {
  await db.query(
    `INSERT INTO risk_register_versions (workspace_id, version) VALUES ($1, 1)
     ON CONFLICT (workspace_id) DO UPDATE SET version = risk_register_versions.version + 1`,
    [workspaceId],
  );
}

function sameRefs(a: readonly SignalRef[], b: readonly SignalRef[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

let syncs = 0;

/**
 * What a sync writes: one lookup per present signal (10^5 at portfolio scale, on every listing),
 * each open row found marked with this sync's number, then one pass for the open rows left unmarked
 * (no set of the present ids is built).
 */
function differences(states: ReadonlyMap<string, RowState>, present: readonly SignalRef[], seenBeforeMs: number) {
  const mark = ++syncs;
  const added: SignalRef[] = [];
  const returning: string[] = [];
  const seen: string[] = [];
  for (const ref of present) {
    const state = states.get(ref.riskId);
    if (state === undefined) added.push(ref);
    else if (!state.open) returning.push(ref.riskId);
    else state.mark = mark;
    if (state !== undefined && state.lastSeenMs < seenBeforeMs) seen.push(ref.riskId);
  }
  const cleared: string[] = [];
  for (const [id, state] of states) if (state.open && state.mark !== mark) cleared.push(id);
  return { added, returning, seen, cleared };
}

/** Every row's state as one text value ("<riskId> <open> <last seen ms>" lines): see list(). */
async function readStates(db: Queryable, workspaceId: string): Promise<Map<string, RowState>> {
  const [row]: Array<{ states: string }> = await db.query(
    `SELECT coalesce(string_agg(risk_id || ' ' || open::int || ' ' || (extract(epoch FROM last_seen_at) * 1000)::bigint, E'\n'), '') AS states
     FROM risks WHERE workspace_id = $1`,
    [workspaceId],
  );
  const states = new Map<string, RowState>();
  for (const line of (row?.states ?? '').split('\n')) {
    if (line === '') continue;
    const [id, open, lastSeen] = line.split(' ');
    states.set(id as string, { open: open === '1', lastSeenMs: Number(lastSeen) });
  }
  return states;
}
