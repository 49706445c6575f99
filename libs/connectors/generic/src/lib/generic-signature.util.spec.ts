import { createHmac } from 'node:crypto';
import { fixtureText } from '../testing/generic-fixtures';
import { signGenericBody, verifyGenericSignature } from './generic-signature.util';

const SECRET = 'whsec_5f1c2d9e8b7a4c3d2e1f0a9b8c7d6e5f';
const body = Buffer.from(fixtureText('ok', 'single-created.json'));
const hex = (b: Buffer | string, secret = SECRET) => createHmac('sha256', secret).update(b).digest('hex');

describe('generic webhook signature', () => {
  it('is sha256=<hex HMAC-SHA256 of the raw body>', () => {
    expect(signGenericBody(body, SECRET)).toBe(`sha256=${hex(body)}`);
    expect(verifyGenericSignature(body, `sha256=${hex(body)}`, SECRET)).toBe(true);
    expect(verifyGenericSignature(body, `sha256=${hex(body).toUpperCase()}`, SECRET)).toBe(true);
  });

  it('rejects another body or secret', () => {
    expect(verifyGenericSignature(Buffer.from(`${body.toString()} `), `sha256=${hex(body)}`, SECRET)).toBe(false);
    expect(verifyGenericSignature(body, `sha256=${hex(body, 'other')}`, SECRET)).toBe(false);
  });

  it('rejects missing, unprefixed, truncated, over-long or non-hex headers', () => {
    for (const header of [undefined, null, '', hex(body), `sha1=${hex(body)}`, `sha256=${hex(body).slice(0, 63)}`, `sha256=${hex(body)}00`, `sha256=${'z'.repeat(64)}`]) {
      expect(verifyGenericSignature(body, header, SECRET)).toBe(false);
    }
  });

  it('covers the exact UTF-8 bytes of a non-ASCII body', () => {
    const text = JSON.stringify({ title: 'Zoë’s café – ünïcödé 🚀' });
    const utf8 = Buffer.from(text, 'utf8');
    expect(verifyGenericSignature(utf8, signGenericBody(utf8, SECRET), SECRET)).toBe(true);
    expect(verifyGenericSignature(utf8, `sha256=${hex(Buffer.from(text, 'latin1'))}`, SECRET)).toBe(false);
  });
});
