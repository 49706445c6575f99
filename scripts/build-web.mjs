// Builds the analyst dashboard (apps/web) into dist/web with Vite, only when its inputs changed:
// a hash of every source file of apps/web and of package-lock.json is kept in dist/web/.input-hash.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const webDir = join(root, 'apps', 'web');
const outDir = join(root, 'dist', 'web');
const stamp = join(outDir, '.input-hash');

function* inputs(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'e2e') yield* inputs(full);
    } else if (!/\.(spec|int-spec)\.tsx?$/.test(entry.name) && entry.name !== 'README.md') yield full;
  }
}

export function webInputHash() {
  const hash = createHash('sha256');
  for (const file of [...inputs(webDir), join(root, 'package-lock.json')]) hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

export async function buildWeb({ force = false } = {}) {
  const hash = webInputHash();
  if (!force && existsSync(join(outDir, 'index.html')) && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === hash) return false;
  const started = Date.now();
  const { build } = await import('vite');
  await build({ configFile: join(webDir, 'vite.config.mts'), logLevel: 'warn', mode: 'production' });
  writeFileSync(stamp, `${hash}\n`);
  console.error(`[build] dashboard built into dist/web in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildWeb({ force: process.argv.includes('--force') });
}
