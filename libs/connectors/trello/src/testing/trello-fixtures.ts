import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NormalisationContext } from '@flowlens/contracts';

/** Test-only: the recorded Trello payloads in test/fixtures/trello. */
export const TRELLO_FIXTURES = join(__dirname, '..', '..', '..', '..', '..', 'test', 'fixtures', 'trello');

export function fixtureText(dir: 'webhooks' | 'not-ok' | 'exports', name: string): string {
  return readFileSync(join(TRELLO_FIXTURES, dir, name), 'utf8');
}

export function fixture<T = unknown>(dir: 'webhooks' | 'not-ok' | 'exports', name: string): T {
  return JSON.parse(fixtureText(dir, name)) as T;
}

export function fixtureNames(dir: 'webhooks' | 'not-ok' | 'exports'): string[] {
  return readdirSync(join(TRELLO_FIXTURES, dir)).filter((name) => name.endsWith('.json')).sort();
}

export const testContext: NormalisationContext = {
  workspaceId: 'ws-acme',
  connectorId: 'conn-trello-1',
  receivedAt: '2024-04-03T08:00:00.000Z',
  settings: {},
};

export const CALLBACK_URL = 'https://flowlens.example.com/webhooks/trello/7b1d9f0e-3c2a-4e5b-9a8c-1d2e3f4a5b6c';
export const APP_SECRET = 'a3f9c1e07b5d42e8916f0c2ab7d4e5f60918273645abcdef0123456789abcdef';
