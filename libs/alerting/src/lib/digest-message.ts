/**
 * The body of a `digest` outbox row: the weekly digest as rendered when it was queued, so a retry
 * or a restart sends exactly what was built (a webhook receives it as JSON, unchanged).
 */
export interface DigestMessage {
  readonly version: 1;
  readonly status: 'digest';
  readonly workspace: { readonly id: string; readonly name: string };
  /** `week` is the local date of the Monday of the week the digest covers. */
  readonly digest: { readonly id: string; readonly name: string; readonly week: string };
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly link: string | null;
}
