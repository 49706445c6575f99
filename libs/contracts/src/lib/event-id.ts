import { createHash } from 'node:crypto';

/**
 * Deterministic event id: the same source change always yields the same id, so re-deliveries,
 * retries and back-fills that overlap live webhooks collapse downstream.
 * Formatted as an RFC 9562 UUID (version 8, "custom") built from SHA-256 of the parts.
 */
export function deterministicEventId(...parts: ReadonlyArray<string | number>): string {
  const hash = createHash('sha256').update(parts.map(String).join('\u001f')).digest();
  hash.writeUInt8((hash.readUInt8(6) & 0x0f) | 0x80, 6);
  hash.writeUInt8((hash.readUInt8(8) & 0x3f) | 0x80, 8);
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
