import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NormalisationContext } from '@flowlens/contracts';

/** Test-only: the payloads in test/fixtures/generic. */
export const GENERIC_FIXTURES = join(__dirname, '..', '..', '..', '..', '..', 'test', 'fixtures', 'generic');

export const fixtureText = (dir: 'ok' | 'not-ok', name: string): string => readFileSync(join(GENERIC_FIXTURES, dir, name), 'utf8');
export const fixture = <T = unknown>(dir: 'ok' | 'not-ok', name: string): T => JSON.parse(fixtureText(dir, name)) as T;
export const fixtureNames = (dir: 'ok' | 'not-ok'): string[] =>
  readdirSync(join(GENERIC_FIXTURES, dir)).filter((name) => name.endsWith('.json')).sort();

export const testContext: NormalisationContext = {
  workspaceId: 'ws-acme',
  connectorId: 'conn-generic-1',
  receivedAt: '2024-04-03T08:00:00.000Z',
  settings: {},
};
