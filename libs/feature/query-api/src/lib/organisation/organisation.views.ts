import type { z } from 'zod';
import { BoardOwnedError, type PortfolioRecord, type TeamEntity, UnknownTeamsError } from '@flowlens/persistence';
import { ApiError } from '@flowlens/platform';

/** Checks a request body against its schema: 400 `invalid_body` naming every bad field. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  throw ApiError.badRequest(
    'the request body is not valid',
    result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    'invalid_body',
  );
}

/** Repository rule violations as 400s (a board of another team, a team the workspace lacks). */
export async function asBadRequest<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof BoardOwnedError) throw ApiError.badRequest(error.message, [{ path: 'boardIds', message: error.message }], 'board_owned');
    if (error instanceof UnknownTeamsError) throw ApiError.badRequest(error.message, error.teamIds.map((id) => ({ path: 'teamIds', message: `no team ${id}` })), 'unknown_team');
    throw error;
  }
}

export function teamView(t: TeamEntity) {
  return {
    id: t.id,
    name: t.name,
    boardIds: t.boardIds,
    members: t.members,
    workingDays: t.workingDays,
    holidays: t.holidays,
    absences: t.absences,
    focusFactor: t.focusFactor,
    costPerFteDay: t.costPerFteDay,
    currency: t.currency,
    targetMix: t.targetMix,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

export function portfolioView(p: PortfolioRecord) {
  return { id: p.id, name: p.name, teamIds: p.teamIds, boardIds: p.boardIds, owners: p.owners, createdAt: p.createdAt.toISOString(), updatedAt: p.updatedAt.toISOString() };
}
