import { randomBytes } from 'node:crypto';
import { randomToken, sha256Hex } from './token.util';

const KEY = /^flk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export interface IssuedApiKey {
  /** Shown once; only its hash is stored. */
  readonly key: string;
  readonly prefix: string;
  readonly hash: string;
}

/** Workspace API keys look like `flk_<16 hex prefix>_<43 char secret>`; the prefix finds the row. */
export function issueApiKey(): IssuedApiKey {
  const prefix = randomBytes(8).toString('hex');
  const key = `flk_${prefix}_${randomToken(32)}`;
  return { key, prefix, hash: sha256Hex(key) };
}

export function parseApiKey(key: string): { prefix: string; hash: string } | null {
  const match = KEY.exec(key);
  return match ? { prefix: match[1] as string, hash: sha256Hex(key) } : null;
}
