import type { Clock } from '@flowlens/alerting';

export const DIGESTS_OPTIONS = Symbol('DIGESTS_OPTIONS');

export interface DigestsOptions {
  /** FLOWLENS_PUBLIC_URL: links in the digest. */
  readonly publicUrl: string | undefined;
  /** How often the schedule looks for due digests (ms). */
  readonly tickMs: number;
  /** Where "now" comes from (tests move it). */
  readonly clock: Clock;
}
