import { createHmac } from 'node:crypto';
import { APP_SECRET, CALLBACK_URL, fixtureText } from '../../testing/trello-fixtures';
import { trelloSignature, verifyTrelloSignature } from './trello-signature.util';

/** Trello sends compact JSON; the fixture is pretty-printed, so re-serialise it as Trello would. */
const compact = (name: string) => Buffer.from(JSON.stringify(JSON.parse(fixtureText('webhooks', name))), 'utf8');
const sign = (body: Buffer | string, url = CALLBACK_URL, secret = APP_SECRET) =>
  createHmac('sha1', secret).update(Buffer.concat([Buffer.from(body), Buffer.from(url, 'utf8')])).digest('base64');

describe('verifyTrelloSignature', () => {
  const body = compact('create-card.json');

  it('accepts the HMAC-SHA1 of body + callback URL, base64', () => {
    expect(verifyTrelloSignature(body, sign(body), APP_SECRET, CALLBACK_URL)).toBe(true);
    expect(trelloSignature(body, APP_SECRET, CALLBACK_URL)).toBe(sign(body));
  });

  it('rejects a signature over another body, URL or secret', () => {
    const tampered = Buffer.from(body.toString('utf8').replace('Backlog', 'Done'));
    expect(verifyTrelloSignature(tampered, sign(body), APP_SECRET, CALLBACK_URL)).toBe(false);
    expect(verifyTrelloSignature(body, sign(body, `${CALLBACK_URL}/`), APP_SECRET, CALLBACK_URL)).toBe(false);
    expect(verifyTrelloSignature(body, sign(body, CALLBACK_URL, 'other-secret'), APP_SECRET, CALLBACK_URL)).toBe(false);
  });

  it('rejects a missing header, secret or callback URL', () => {
    expect(verifyTrelloSignature(body, undefined, APP_SECRET, CALLBACK_URL)).toBe(false);
    expect(verifyTrelloSignature(body, '', APP_SECRET, CALLBACK_URL)).toBe(false);
    expect(verifyTrelloSignature(body, sign(body), null, CALLBACK_URL)).toBe(false);
    expect(verifyTrelloSignature(body, sign(body), APP_SECRET, null)).toBe(false);
  });

  it('rejects headers of the wrong length or alphabet without throwing', () => {
    const good = sign(body);
    expect(verifyTrelloSignature(body, good.slice(0, -2), APP_SECRET, CALLBACK_URL)).toBe(false);
    expect(verifyTrelloSignature(body, `${good}AAAA`, APP_SECRET, CALLBACK_URL)).toBe(false);
    expect(verifyTrelloSignature(body, createHmac('sha256', APP_SECRET).update(body).digest('base64'), APP_SECRET, CALLBACK_URL)).toBe(false);
    expect(verifyTrelloSignature(body, `${good.slice(0, 26)}!=`, APP_SECRET, CALLBACK_URL)).toBe(false);
  });

  it('tolerates surrounding whitespace in the header', () => {
    expect(verifyTrelloSignature(body, ` ${sign(body)} `, APP_SECRET, CALLBACK_URL)).toBe(true);
  });

  it('signs non-ASCII bodies as UTF-8 (en dash, umlauts, emoji), not as one byte per character', () => {
    const text = JSON.stringify(JSON.parse(fixtureText('webhooks', 'comment-card.json')));
    expect(text).toMatch(/[–ö🙂]/u);
    const utf8 = Buffer.from(text, 'utf8');
    const asUtf8 = createHmac('sha1', APP_SECRET).update(text + CALLBACK_URL).digest('base64');
    const asLatin1 = createHmac('sha1', APP_SECRET).update(text + CALLBACK_URL, 'latin1').digest('base64');
    expect(asLatin1).not.toBe(asUtf8);
    expect(verifyTrelloSignature(utf8, asUtf8, APP_SECRET, CALLBACK_URL)).toBe(true);
    expect(verifyTrelloSignature(utf8, asLatin1, APP_SECRET, CALLBACK_URL)).toBe(false);
  });

  it('signs a non-ASCII callback URL as UTF-8 too', () => {
    const url = 'https://flowlens.example.com/webhooks/trello/équipe';
    expect(verifyTrelloSignature(body, sign(body, url), APP_SECRET, url)).toBe(true);
  });
});
