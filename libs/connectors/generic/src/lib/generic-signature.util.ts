import { createHmac, timingSafeEqual } from 'node:crypto';

export const GENERIC_SIGNATURE_HEADER = 'x-flowlens-signature';
const FORMAT = /^sha256=([0-9a-fA-F]{64})$/;

/** The header value a sender puts on a body: `sha256=` + hex HMAC-SHA256(secret, raw body). */
export function signGenericBody(rawBody: Buffer | string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/** Constant-time check of `x-flowlens-signature`; false for a missing or malformed header. */
export function verifyGenericSignature(rawBody: Buffer, header: string | null | undefined, secret: string): boolean {
  const match = FORMAT.exec((header ?? '').trim());
  if (!match?.[1]) return false;
  const provided = Buffer.from(match[1], 'hex');
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  return provided.length === expected.length && timingSafeEqual(provided, expected);
}
