import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { Injectable, StreamableFile } from '@nestjs/common';
import type { Principal } from '@flowlens/auth';
import { RiskRepository, type RiskRow, type SignalRef } from '@flowlens/persistence';
import { ApiError } from '@flowlens/platform';
import { parseOrThrow, roamChangeSchema, iso, RiskService, type RiskEvaluation } from '@flowlens/figures';

type Q = Record<string, unknown>;

/** A signal present at the evaluation instant, with the boards its subject sits on. */
interface PresentSignal extends SignalRef {
  readonly boardIds: readonly string[];
}

/**
 * Ids already made, by signal, subject type and subject id: a listing names every signal of the
 * workspace (10^5 at portfolio scale) each time. Looked up by the subject's own id string (its
 * hash is kept on it), not a joined name made per call; emptied when full.
 */
const riskIds = new Map<string, Map<string, string>>();
const RISK_IDS_KEPT = 500_000;
let riskIdsKept = 0;

/** The same signal on the same subject always gets the same id. */
export function riskIdOf(signal: string, subjectType: string, subjectId: string): string {
  const kind = `${signal}\u0000${subjectType}`;
  let ids = riskIds.get(kind);
  let id = ids?.get(subjectId);
  if (id !== undefined) return id;
  if (riskIdsKept >= RISK_IDS_KEPT) {
    riskIds.clear();
    riskIdsKept = 0;
    ids = undefined;
  }
  if (ids === undefined) riskIds.set(kind, (ids = new Map()));
  id = `rk_${createHash('sha256').update(`${kind}\u0000${subjectId}`).digest('hex').slice(0, 24)}`;
  ids.set(subjectId, id);
  riskIdsKept++;
  return id;
}

/**
 * What a listing reads from its query: the instant and the scope. The register is the workspace's
 * standing state, so its signals are evaluated at the standing definitions (the default threshold,
 * SLE window, forecast trials and seed, concentration over the last 90 days); were they taken from
 * each listing's query, two listings with different windows would close and reopen risks in turn.
 */
const LISTING_PARAMETERS = ['asOf', 'knownAt', 'boardId', 'teamId', 'portfolioId'];

/** The listing of the whole register at the present, as JSON, per register read (rows array). */
const unscopedListings = new WeakMap<readonly RiskRow[], Buffer>();

/**
 * The ROAM register. Listing evaluates every signal of the workspace: at the present it also
 * brings the register up to date (new signals added, returning ones reopened, gone ones closed);
 * with `asOf` it only reports which were open then.
 */
@Injectable()
export class RiskRegisterService {
  constructor(
    private readonly risks: RiskService,
    private readonly repository: RiskRepository,
  ) {}

  /** The listing as JSON (10^5 risks are ~12 MB: the whole register's is serialised once per register read). */
  async list(p: Principal, q: Q): Promise<StreamableFile> {
    const listing = Object.fromEntries(Object.entries(q).filter(([name]) => LISTING_PARAMETERS.includes(name)));
    const evaluation = await this.risks.evaluate(p, listing);
    // The register is the workspace's: every signal counts, the scope only filters the listing.
    const present = await this.signals(evaluation);
    const now = !evaluation.ctx.pointInTime;
    if (now) await this.repository.sync(p.workspaceId, present, new Date(evaluation.ctx.asOf));
    const rows = await this.repository.list(p.workspaceId);
    const scoped = evaluation.scope.boardIds;
    const unscopedNow = now && scoped.length === 0;
    let items: Buffer | undefined = unscopedNow ? unscopedListings.get(rows) : undefined;
    if (items === undefined) {
      const byId = new Map(present.map((signal) => [signal.riskId, signal]));
      const inScope = (row: RiskRow) => scoped.length === 0 || (byId.get(row.riskId)?.boardIds ?? []).some((board) => scoped.includes(board)) || scoped.includes(row.subjectId);
      items = Buffer.from(JSON.stringify(rows.filter(inScope).map((row) => view(row, now ? row.open : byId.has(row.riskId)))));
      if (unscopedNow) unscopedListings.set(rows, items);
    }
    // Sent in three parts: a copy of the items into one buffer per listing would be ~12 MB of garbage.
    const parts = [Buffer.from(`{"asOf":${JSON.stringify(iso(evaluation.ctx.asOf))},"items":`), items, Buffer.from('}')];
    return new StreamableFile(Readable.from(parts), { type: 'application/json; charset=utf-8', length: parts.reduce((n, part) => n + part.length, 0) });
  }

  async change(p: Principal, riskId: string, body: unknown) {
    const change = parseOrThrow(roamChangeSchema, body);
    const row = await this.repository.changeRoam(p.workspaceId, riskId, { roam: change.roam, owner: change.owner ?? null, note: change.note ?? null, by: p.keyId }, new Date());
    if (!row) throw ApiError.notFound(`this workspace has no risk ${riskId}`);
    return view(row, row.open);
  }

  private async signals(e: RiskEvaluation): Promise<PresentSignal[]> {
    const out: PresentSignal[] = [];
    const add = (signal: string, subjectType: string, subjectId: string, boardIds: readonly string[]) =>
      out.push({ riskId: riskIdOf(signal, subjectType, subjectId), signal, subjectType, subjectId, boardIds });
    for (const item of this.risks.items(e, []).items) for (const signal of item.signals) add(signal, 'item', item.itemKey, [item.boardId]);
    const { releases, epics } = await this.risks.deliveries(e, {}, []);
    for (const release of releases) if (release.atRisk) add('release', 'release', release.releaseId, release.boardIds);
    for (const epic of epics) if (epic.atRisk) add('epic', 'epic', epic.epicKey, epic.boardIds);
    for (const board of this.risks.concentration(e, []).items) if (board.flagged) add('concentration', 'board', board.boardId, [board.boardId]);
    return out;
  }
}

function view(row: RiskRow, open: boolean) {
  return {
    riskId: row.riskId,
    signal: row.signal,
    subject: { type: row.subjectType, id: row.subjectId },
    roam: row.roam,
    owner: row.owner,
    note: row.note,
    open,
    history: row.history,
  };
}
