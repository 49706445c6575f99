import { SetMetadata } from '@nestjs/common';

export const AUDITED_KEY = 'flowlens:audited';

export interface AuditedOptions {
  /** The verb of the action (`<resource>.<verb>`); default from the HTTP method: create, update, delete. */
  readonly verb?: string;
  /** The route parameter naming the target (default `id`; else the answer's `id`). */
  readonly targetParam?: string;
  /** More field names to redact besides the secret-looking ones (e.g. `url` of a Slack channel). */
  readonly redact?: readonly string[];
}

export interface AuditedSpec extends AuditedOptions {
  readonly resource: string;
}

/**
 * Records every successful POST, PUT, PATCH or DELETE of the class (or one method) in the audit
 * log as `<resource>.<verb>`, with the caller, the target, before/after and the request id.
 */
export const Audited = (resource: string, options: AuditedOptions = {}) => SetMetadata(AUDITED_KEY, { resource, ...options } satisfies AuditedSpec);
