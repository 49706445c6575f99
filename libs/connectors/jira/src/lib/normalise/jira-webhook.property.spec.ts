import fc from 'fast-check';
import { canonicalEventSchema, NormalisationError, PayloadSchemaError } from '@flowlens/contracts';
import { DC_SETTINGS, jiraFixture, jiraFixtureNames, testContext } from '../testing/jira-fixtures';
import { normaliseJiraWebhook } from './jira-webhook.normaliser';

type Path = ReadonlyArray<string | number>;

const fixtures = ['cloud', 'data-center'].flatMap((site) =>
  jiraFixtureNames(`webhooks/${site}`).map((name) => ({ site, body: jiraFixture(`webhooks/${site}/${name}`) })),
);

function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, child]) => pathsOf(child, [...prefix, key]))];
}

function mutate(body: unknown, path: Path, replacement: { remove: true } | { value: unknown }): unknown {
  if (path.length === 0) return 'remove' in replacement ? undefined : replacement.value;
  const copy: unknown = structuredClone(body);
  let parent = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if ('remove' in replacement) delete parent[last];
  else parent[last] = replacement.value;
  return copy;
}

/** The only outcomes the gateway knows how to handle. */
function expectContractOutcome(body: unknown, settings: Record<string, unknown> = {}): void {
  let result;
  try {
    result = normaliseJiraWebhook(body, testContext(settings));
  } catch (error) {
    if (error instanceof PayloadSchemaError || error instanceof NormalisationError) return;
    throw error;
  }
  if (result.kind === 'ignored') {
    expect(typeof result.reason).toBe('string');
    return;
  }
  for (const event of result.events) expect(canonicalEventSchema.safeParse(event).success).toBe(true);
}

const EVENTS = ['jira:issue_created', 'jira:issue_updated', 'jira:issue_deleted', 'sprint_started', 'sprint_closed', 'project_created', 'jira:version_released', 'comment_created'];

describe('normaliseJiraWebhook under arbitrary input', () => {
  it('answers any JSON value with a result, a PayloadSchemaError or a NormalisationError', () => {
    fc.assert(fc.property(fc.jsonValue(), (body) => expectContractOutcome(body)), { numRuns: 500 });
  });

  it('copes with arbitrary bodies behind a known webhookEvent', () => {
    const body = fc.record({
      webhookEvent: fc.constantFrom(...EVENTS),
      timestamp: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(null)),
      issue: fc.jsonValue(),
      changelog: fc.jsonValue(),
      sprint: fc.jsonValue(),
      project: fc.jsonValue(),
      version: fc.jsonValue(),
    });
    fc.assert(fc.property(body, (value) => expectContractOutcome(value)), { numRuns: 500 });
  });

  it('copes with recorded payloads whose any one value is replaced or removed', () => {
    const mutation = fc
      .integer({ min: 0, max: fixtures.length - 1 })
      .chain((index) => {
        const fixture = fixtures[index] as { site: string; body: unknown };
        const paths = pathsOf(fixture.body);
        return fc.record({
          fixture: fc.constant(fixture),
          path: fc.constantFrom(...paths),
          replacement: fc.oneof(
            fc.constant({ remove: true as const }),
            fc.jsonValue().map((value) => ({ value })),
            fc.constantFrom('', null, 0, -1, 'KAN-', '2024-13-45', '[]', 'toString', '__proto__').map((value) => ({ value })),
          ),
        });
      });
    fc.assert(
      fc.property(mutation, ({ fixture, path, replacement }) => {
        const settings = fixture.site === 'data-center' ? DC_SETTINGS : {};
        expectContractOutcome(mutate(fixture.body, path, replacement), settings);
      }),
      { numRuns: 3000 },
    );
  });

  it('emits only contract-valid events for every recorded payload', () => {
    for (const { site, body } of fixtures) expectContractOutcome(body, site === 'data-center' ? DC_SETTINGS : {});
  });
});
