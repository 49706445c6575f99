import { createHmac, timingSafeEqual } from 'node:crypto';

/** Base64 of a 20-byte SHA-1 digest: 27 characters and one `=`. */
const SHA1_BASE64 = /^[A-Za-z0-9+/]{27}=$/;

/**
 * `X-Trello-Webhook` = base64(HMAC-SHA1(app secret, body + callback URL)). Trello signs the body as
 * UTF-8 text; until 2016 it truncated non-ASCII characters to one byte ("binary"), a quirk its docs
 * no longer mention, so a signature computed that way is rejected here.
 */
export function trelloSignature(rawBody: Buffer | string, secret: string, callbackUrl: string): string {
  return createHmac('sha1', secret).update(rawBody).update(Buffer.from(callbackUrl, 'utf8')).digest('base64');
}

/**
 * Constant-time check of a delivery. False when the header, the secret or the registered callback URL
 * is missing: without the exact URL Trello signed, no delivery can be proven authentic.
 */
export function verifyTrelloSignature(
  rawBody: Buffer,
  header: string | null | undefined,
  secret: string | null | undefined,
  callbackUrl: string | null | undefined,
): boolean {
  if (!header || !secret || !callbackUrl) return false;
  const candidate = header.trim();
  if (!SHA1_BASE64.test(candidate)) return false;
  const provided = Buffer.from(candidate, 'base64');
  const expected = Buffer.from(trelloSignature(rawBody, secret, callbackUrl), 'base64');
  return provided.length === expected.length && timingSafeEqual(provided, expected);
}
