import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '@flowlens/testing';

export function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}

export function rate(count: number, ms: number): number {
  return Math.round((count / ms) * 1000);
}

/** Prints an aligned table and saves the figures as JSON under .bench-results/. */
export function report(name: string, rows: Array<[string, string | number]>, data: object): void {
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`\n${name} — ${machine()}`);
  for (const [key, value] of rows) console.log(`  ${key.padEnd(width)}  ${typeof value === 'number' ? value.toLocaleString('en-US') : value}`);
  const dir = join(repoRoot(), '.bench-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), JSON.stringify({ name, machine: machine(), at: new Date().toISOString(), ...data }, null, 2));
}
