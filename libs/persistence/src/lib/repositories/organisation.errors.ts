/** A board already owned by another team of the workspace (a board belongs to at most one team). */
export class BoardOwnedError extends Error {
  constructor(
    readonly boardId: string,
    readonly teamId: string,
  ) {
    super(`board ${boardId} already belongs to team ${teamId}`);
  }
}

/** Team ids a portfolio names that the workspace does not have. */
export class UnknownTeamsError extends Error {
  constructor(readonly teamIds: readonly string[]) {
    super(`no such team: ${teamIds.join(', ')}`);
  }
}
