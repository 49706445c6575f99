import type { DeadLetterPosition } from '@flowlens/persistence';
import { ApiError } from '@flowlens/platform';

/** Opaque keyset cursor: the last row's (receivedAt, deliveryId), base64url JSON. */
export function encodeDeadLetterCursor(position: DeadLetterPosition): string {
  return Buffer.from(JSON.stringify([position.receivedAt.toISOString(), position.deliveryId])).toString('base64url');
}

export function decodeDeadLetterCursor(cursor: string): DeadLetterPosition {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') {
      const receivedAt = new Date(value[0]);
      if (!Number.isNaN(receivedAt.getTime())) return { receivedAt, deliveryId: value[1] };
    }
  } catch {
    /* reported below */
  }
  throw ApiError.badRequest('the cursor is not one this API issued', [{ path: 'cursor', message: 'invalid cursor' }], 'invalid_cursor');
}
