import { createHash } from 'node:crypto';
import { Injectable, type StreamableFile } from '@nestjs/common';
import type { Principal } from '@flowlens/auth';
import { RiskRepository, type RiskRow, type SignalRef } from '@flowlens/persistence';
import { ApiError } from '@flowlens/platform';
import { parseOrThrow, roamChangeSchema, iso, RiskService, type RiskEvaluation } from '@flowlens/figures';
import { candidateCount, ITEM_SIGNALS, memoOnInput } from '@flowlens/metrics';
import { jsonFile } from './json-file';

type Q = Record<string, unknown>;

/** A signal present at the evaluation instant, with the boards its subject sits on. */
interface PresentSignal extends SignalRef {
  readonly boardIds: readonly string[];
}

/**
 * The present signals already named, by signal, subject type and subject id: a listing names every
 * signal of the workspace (10^5 at portfolio scale) each time, and most are the same as the last
 * time. Looked up by constant names and the subject's own id string (its hash is kept on it), so a
 * known signal costs two small lookups and one in a large map, and allocates nothing; emptied when full.
 */
const named = new Map<string, Map<string, Map<string, PresentSignal>>>();
const NAMED_KEPT = 500_000;
let namedKept = 0;

/** The same signal on the same subject always gets the same id. */
function riskIdOf(signal: string, subjectType: string, subjectId: string): string {
  return `rk_${createHash('sha256').update(`${signal}\u0000${subjectType}\u0000${subjectId}`).digest('hex').slice(0, 24)}`;
}

/** The signal on the subject, sitting on these boards, as a register reference. */
function presentSignal(signal: string, subjectType: string, subjectId: string, boardIds: readonly string[]): PresentSignal {
  let bySubject = named.get(signal)?.get(subjectType);
  const known = bySubject?.get(subjectId);
  if (known !== undefined && sameBoards(known.boardIds, boardIds)) return known;
  if (namedKept >= NAMED_KEPT) {
    named.clear();
    namedKept = 0;
    bySubject = undefined;
  }
  if (bySubject === undefined) {
    let byType = named.get(signal);
    if (byType === undefined) named.set(signal, (byType = new Map()));
    byType.set(subjectType, (bySubject = new Map()));
  }
  const made = { riskId: known?.riskId ?? riskIdOf(signal, subjectType, subjectId), signal, subjectType, subjectId, boardIds };
  if (known === undefined) namedKept++;
  bySubject.set(subjectId, made);
  return made;
}

function sameBoards(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((board, i) => board === b[i]);
}

/** An item's one-board list, one per board (the item signals of a listing share them). */
const boardLists = new Map<string, readonly string[]>();
const boardListOf = (boardId: string) => {
  let list = boardLists.get(boardId);
  if (list === undefined) boardLists.set(boardId, (list = [boardId]));
  return list;
};

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
      // A row is in scope when its present signal sits on a scoped board (or its subject is one).
      const presentIds = new Set<string>();
      const inScopeIds = new Set<string>();
      for (const signal of present) {
        if (!now) presentIds.add(signal.riskId);
        if (scoped.length > 0 && signal.boardIds.some((board) => scoped.includes(board))) inScopeIds.add(signal.riskId);
      }
      const inScope = (row: RiskRow) => scoped.length === 0 || inScopeIds.has(row.riskId) || scoped.includes(row.subjectId);
      items = Buffer.from(JSON.stringify(rows.filter(inScope).map((row) => view(row, now ? row.open : presentIds.has(row.riskId)))));
      if (unscopedNow) unscopedListings.set(rows, items);
    }
    // Sent in three parts: a copy of the items into one buffer per listing would be ~12 MB of garbage.
    return jsonFile(`{"asOf":${JSON.stringify(iso(evaluation.ctx.asOf))},"items":`, items, '}');
  }

  async change(p: Principal, riskId: string, body: unknown) {
    const change = parseOrThrow(roamChangeSchema, body);
    const row = await this.repository.changeRoam(p.workspaceId, riskId, { roam: change.roam, owner: change.owner ?? null, note: change.note ?? null, by: p.keyId }, new Date());
    if (!row) throw ApiError.notFound(`this workspace has no risk ${riskId}`);
    return view(row, row.open);
  }

  private async signals(e: RiskEvaluation): Promise<PresentSignal[]> {
    const out: PresentSignal[] = [];
    // Each candidate item's signals by slot, kept for the input's day: most listings find them all.
    const kinds = ITEM_SIGNALS.length;
    const bySlot = memoOnInput(e.input, 'register-item-signals', () => Array.from<PresentSignal | undefined>({ length: candidateCount(e.input) * kinds }));
    this.risks.forEachItemWithSignals(
      e,
      ({ item, slot, bits }) => {
        for (let kind = 0; kind < kinds; kind++) {
          if ((bits & (1 << kind)) === 0) continue;
          let ref = bySlot[slot * kinds + kind];
          if (ref === undefined) bySlot[slot * kinds + kind] = ref = presentSignal(ITEM_SIGNALS[kind] as string, 'item', item.itemKey, boardListOf(item.boardId));
          out.push(ref);
        }
      },
      [],
    );
    const { releases, epics } = await this.risks.deliveries(e, {}, []);
    for (const release of releases) if (release.atRisk) out.push(presentSignal('release', 'release', release.releaseId, release.boardIds));
    for (const epic of epics) if (epic.atRisk) out.push(presentSignal('epic', 'epic', epic.epicKey, epic.boardIds));
    for (const board of this.risks.concentration(e, []).items) if (board.flagged) out.push(presentSignal('concentration', 'board', board.boardId, boardListOf(board.boardId)));
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
