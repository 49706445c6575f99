import { createHmac, timingSafeEqual } from 'node:crypto';

const SHA256_HEADER = /^sha256=([0-9a-f]{64})$/i;

/**
 * Checks `X-Hub-Signature: sha256=<hex HMAC-SHA256(secret, raw body)>` as Jira Cloud and Data
 * Center send it. Only sha256 is accepted: Jira has never signed with sha1, so accepting it would
 * only widen what a forger may try.
 */
export function verifyJiraSignature(rawBody: Buffer, header: string | undefined, secret: string): boolean {
  if (!header || !secret) return false;
  const match = SHA256_HEADER.exec(header.trim());
  if (!match?.[1]) return false;
  const received = Buffer.from(match[1], 'hex');
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  return received.length === expected.length && timingSafeEqual(received, expected);
}

/** The header value to send, for tests and tools that replay deliveries. */
export function signJiraBody(rawBody: Buffer, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}
