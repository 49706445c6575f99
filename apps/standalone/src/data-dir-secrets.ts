import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface StoredSecret {
  readonly value: string;
  /** True when it was generated just now (print it once). */
  readonly generated: boolean;
  readonly path: string;
}

/** A secret kept in the data dir (mode 600): read it, or generate it on first start. */
export function storedSecret(dataDir: string, name: string, bytes = 32): StoredSecret {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  if (existsSync(path)) return { value: readFileSync(path, 'utf8').trim(), generated: false, path };
  const value = randomBytes(bytes).toString('base64url');
  writeFileSync(path, `${value}\n`, { mode: 0o600 });
  return { value, generated: true, path };
}
