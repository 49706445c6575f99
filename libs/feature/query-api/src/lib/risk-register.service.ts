import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { Principal } from '@flowlens/auth';
import { RiskRepository, type RiskRow, type SignalRef } from '@flowlens/persistence';
import { ApiError } from '@flowlens/platform';
import { parseOrThrow, roamChangeSchema, iso, RiskService, type RiskEvaluation } from '@flowlens/figures';

type Q = Record<string, unknown>;

/** A signal present at the evaluation instant, with the boards its subject sits on. */
interface PresentSignal extends SignalRef {
  readonly boardIds: readonly string[];
}

/** Ids already made: a listing names every signal of the workspace (10^5 at portfolio scale) each time. */
const riskIds = new LRUCache<string, string>({ max: 500_000 });

/** The same signal on the same subject always gets the same id. */
export function riskIdOf(signal: string, subjectType: string, subjectId: string): string {
  const name = `${signal}\u0000${subjectType}\u0000${subjectId}`;
  let id = riskIds.get(name);
  if (id === undefined) riskIds.set(name, (id = `rk_${createHash('sha256').update(name).digest('hex').slice(0, 24)}`));
  return id;
}

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

  async list(p: Principal, q: Q) {
    const evaluation = await this.risks.evaluate(p, q);
    // The register is the workspace's: every signal counts, the scope only filters the listing.
    const present = await this.signals(evaluation, q);
    if (!evaluation.ctx.pointInTime) await this.repository.sync(p.workspaceId, present, new Date(evaluation.ctx.asOf));
    const scoped = evaluation.scope.boardIds;
    const byId = new Map(present.map((signal) => [signal.riskId, signal]));
    const rows = await this.repository.list(p.workspaceId);
    const items = rows
      .filter((row) => scoped.length === 0 || (byId.get(row.riskId)?.boardIds ?? []).some((board) => scoped.includes(board)) || scoped.includes(row.subjectId))
      .map((row) => view(row, evaluation.ctx.pointInTime ? byId.has(row.riskId) : row.open));
    return { asOf: iso(evaluation.ctx.asOf), items };
  }

  async change(p: Principal, riskId: string, body: unknown) {
    const change = parseOrThrow(roamChangeSchema, body);
    const row = await this.repository.changeRoam(p.workspaceId, riskId, { roam: change.roam, owner: change.owner ?? null, note: change.note ?? null, by: p.keyId }, new Date());
    if (!row) throw ApiError.notFound(`this workspace has no risk ${riskId}`);
    return view(row, row.open);
  }

  private async signals(e: RiskEvaluation, q: Q): Promise<PresentSignal[]> {
    const out: PresentSignal[] = [];
    const add = (signal: string, subjectType: string, subjectId: string, boardIds: readonly string[]) =>
      out.push({ riskId: riskIdOf(signal, subjectType, subjectId), signal, subjectType, subjectId, boardIds });
    for (const item of this.risks.items(e, []).items) for (const signal of item.signals) add(signal, 'item', item.itemKey, [item.boardId]);
    const { releases, epics } = await this.risks.deliveries(e, q, []);
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
