import { AsyncLocalStorage } from 'node:async_hooks';

/** What a handler tells the audit interceptor about the change it is making. */
export interface AuditNotes {
  before?: unknown;
  after?: unknown;
  targetId?: string;
  /** The workspace the entry belongs to, when the caller's key does not fix it (admin-token routes); null: none. */
  workspaceId?: string | null;
  /** Nothing changed after all (e.g. an idempotent repeat): record no entry. */
  skip?: boolean;
}

export const auditStorage = new AsyncLocalStorage<AuditNotes>();

function note(patch: Partial<AuditNotes>): void {
  const notes = auditStorage.getStore();
  if (notes) Object.assign(notes, patch);
}

/** The target's state before the change (one line in a handler or service of an `@Audited` route). */
export const auditBefore = (before: unknown): void => note({ before });
/** The state after the change, when the answer is not it (default: the answer's body). */
export const auditAfter = (after: unknown): void => note({ after });
/** The target's id, when neither the `:id` parameter nor the answer's `id` holds it. */
export const auditTarget = (targetId: string): void => note({ targetId });
export const auditWorkspace = (workspaceId: string | null): void => note({ workspaceId });
export const auditSkip = (): void => note({ skip: true });
