// Compiles every TypeScript source (apps, libs, bench) to dist/ with SWC, rewriting the
// @flowlens/* path aliases to relative requires, and copies the SQL migrations beside them.
// Incremental: a file is recompiled only when its source is newer than its output; outputs whose
// source is gone (a renamed migration, a deleted module) are removed. The dashboard (apps/web, a
// browser app) is built apart by build-web.mjs, into dist/web, when its inputs changed.
import { transformFile } from '@swc/core';
import { readFileSync, mkdirSync, writeFileSync, statSync, readdirSync, copyFileSync, existsSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWeb } from './build-web.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outRoot = join(root, 'dist');
const swcrc = JSON.parse(readFileSync(join(root, '.swcrc'), 'utf8'));
const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
const options = {
  ...swcrc,
  swcrc: false,
  jsc: { ...swcrc.jsc, baseUrl: root, paths: compilerOptions.paths },
};

const browserApp = join(root, 'apps', 'web');
const isTest = (f) => f.endsWith('.spec.ts') || f.endsWith('.int-spec.ts');
function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      // Test-only code never ships: fixtures, and libraries' `src/testing` entry points.
      const testOnly = entry.name === 'fixtures' || entry.name === '__fixtures__' || (entry.name === 'testing' && dir.endsWith('/src'));
      if (entry.name !== 'node_modules' && !testOnly && full !== browserApp) yield* walk(full);
    } else yield full;
  }
}

const newer = (src, out) => !existsSync(out) || statSync(src).mtimeMs > statSync(out).mtimeMs;
let compiled = 0;
const jobs = [];
const expected = new Set();
for (const top of ['apps', 'libs', 'bench', 'test/support']) {
  const dir = join(root, top);
  if (!existsSync(dir)) continue;
  for (const file of walk(dir)) {
    const rel = relative(root, file);
    if (file.endsWith('.ts') && !file.endsWith('.d.ts') && !isTest(file)) {
      const out = join(outRoot, rel.replace(/\.ts$/, '.js'));
      expected.add(out).add(`${out}.map`);
      if (!newer(file, out)) continue;
      jobs.push(
        transformFile(file, { ...options, filename: file, sourceFileName: relative(dirname(out), file), outputPath: out }).then((r) => {
          mkdirSync(dirname(out), { recursive: true });
          writeFileSync(out, r.code + `\n//# sourceMappingURL=${out.split('/').pop()}.map\n`);
          if (r.map) writeFileSync(out + '.map', r.map);
          compiled++;
        }),
      );
    } else if (file.endsWith('.sql')) {
      const out = join(outRoot, rel);
      expected.add(out);
      if (!newer(file, out)) continue;
      mkdirSync(dirname(out), { recursive: true });
      copyFileSync(file, out);
    }
  }
}
await Promise.all(jobs);
for (const top of ['apps', 'libs', 'bench', 'test/support']) {
  const dir = join(outRoot, top);
  if (!existsSync(dir)) continue;
  for (const file of walk(dir)) if (/\.(js|js\.map|sql)$/.test(file) && !expected.has(file)) rmSync(file);
}
await buildWeb();
if (process.env.FLOWLENS_BUILD_VERBOSE) console.error(`[build] ${compiled} file(s) compiled`);
