import { tryIsoInstant } from '@flowlens/contracts';

/** A Jira instant (`2024-01-15T10:23:45.123+0000`, ISO, or epoch ms) as UTC ISO with ms, or null. */
export function jiraInstant(value: string | number | null | undefined): string | null {
  if (typeof value === 'string' && /^\d+$/.test(value)) return tryIsoInstant(Number(value));
  return tryIsoInstant(value);
}

/** The first candidate that parses; the gateway's receive time as the last resort. */
export function firstInstant(receivedAt: string, ...candidates: Array<string | number | null | undefined>): string {
  for (const candidate of candidates) {
    const instant = jiraInstant(candidate);
    if (instant !== null) return instant;
  }
  return receivedAt;
}
