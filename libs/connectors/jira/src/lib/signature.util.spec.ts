import { createHmac } from 'node:crypto';
import { jiraFixtureRaw } from './testing/jira-fixtures';
import { signJiraBody, verifyJiraSignature } from './signature.util';

const secret = 'gH7pQ2vX9sK4mN8rT1wZ5yB3';
const body = jiraFixtureRaw('webhooks/cloud/issue-updated-status');
const hex = createHmac('sha256', secret).update(body).digest('hex');

describe('verifyJiraSignature', () => {
  it('accepts sha256=<hex HMAC-SHA256 of the raw body>, in either hex case', () => {
    expect(verifyJiraSignature(body, `sha256=${hex}`, secret)).toBe(true);
    expect(verifyJiraSignature(body, `sha256=${hex.toUpperCase()}`, secret)).toBe(true);
    expect(signJiraBody(body, secret)).toBe(`sha256=${hex}`);
  });

  it('rejects a wrong secret, a modified body and a re-serialised body', () => {
    expect(verifyJiraSignature(body, `sha256=${hex}`, 'another-secret')).toBe(false);
    expect(verifyJiraSignature(Buffer.concat([body, Buffer.from(' ')]), `sha256=${hex}`, secret)).toBe(false);
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(body.toString('utf8'))));
    expect(verifyJiraSignature(reserialised, `sha256=${hex}`, secret)).toBe(false);
  });

  it('rejects a missing header, an empty secret and other schemes', () => {
    expect(verifyJiraSignature(body, undefined, secret)).toBe(false);
    expect(verifyJiraSignature(body, '', secret)).toBe(false);
    expect(verifyJiraSignature(body, `sha256=${hex}`, '')).toBe(false);
    expect(verifyJiraSignature(body, hex, secret)).toBe(false);
    const sha1 = createHmac('sha1', secret).update(body).digest('hex');
    expect(verifyJiraSignature(body, `sha1=${sha1}`, secret)).toBe(false);
  });

  it('rejects signatures of the wrong length without throwing', () => {
    expect(verifyJiraSignature(body, `sha256=${hex.slice(0, 62)}`, secret)).toBe(false);
    expect(verifyJiraSignature(body, `sha256=${hex}00`, secret)).toBe(false);
    expect(verifyJiraSignature(body, 'sha256=', secret)).toBe(false);
    expect(verifyJiraSignature(body, `sha256=${'z'.repeat(64)}`, secret)).toBe(false);
  });
});
