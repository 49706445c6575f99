import { decodeDeadLetterCursor, encodeDeadLetterCursor } from './dead-letter.cursor';

describe('dead letter cursor', () => {
  it('round-trips the last row position', () => {
    const position = { receivedAt: new Date('2024-01-15T10:23:45.123Z'), deliveryId: 'sha256:0f1e' };
    expect(decodeDeadLetterCursor(encodeDeadLetterCursor(position))).toEqual(position);
  });

  it.each(['garbage', Buffer.from('["not a date","x"]').toString('base64url'), Buffer.from('{"a":1}').toString('base64url')])('rejects %p with a 400', (cursor) => {
    expect(() => decodeDeadLetterCursor(cursor)).toThrow(expect.objectContaining({ status: 400 }));
  });
});
