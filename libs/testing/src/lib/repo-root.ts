import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root, found from here whether running from source (jest) or from dist/. */
export function repoRoot(from = __dirname): string {
  let dir = from;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'flowlens') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the flowlens repository root');
    dir = parent;
  }
}
