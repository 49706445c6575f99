import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_TYPES } from '@flowlens/contracts';
import { GENERIC_EVENT_TYPES, GENERIC_MAX_EVENTS } from './generic-event.schema';
import { GENERIC_WEBHOOK_JSON_SCHEMA, GENERIC_WEBHOOK_OPENAPI_SCHEMA } from './generic-webhook.json-schema';

type Schema = { [key: string]: unknown; properties?: Record<string, Schema>; required?: string[] };
const variants = (schema: Readonly<Record<string, unknown>>) => {
  const [events, batch] = schema['anyOf'] as [{ oneOf: Schema[] }, Schema];
  return { events: events.oneOf, batch };
};

describe('GENERIC_WEBHOOK_JSON_SCHEMA', () => {
  const { events, batch } = variants(GENERIC_WEBHOOK_JSON_SCHEMA);

  it('is a draft 2020-12 schema with a title', () => {
    expect(GENERIC_WEBHOOK_JSON_SCHEMA['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(GENERIC_WEBHOOK_JSON_SCHEMA['title']).toBe('Flowlens generic webhook body');
  });

  it('offers exactly the canonical work-item and board types', () => {
    const types = events.map((e) => (e.properties?.['type'] as { const: string }).const);
    expect(types).toEqual(GENERIC_EVENT_TYPES);
    expect(types.every((t) => (Object.values(EVENT_TYPES) as string[]).includes(t))).toBe(true);
    expect(types).not.toContain('SprintStarted');
  });

  it('requires the envelope and rejects unknown properties', () => {
    for (const event of events) {
      expect(event.required).toEqual(expect.arrayContaining(['id', 'type', 'occurredAt', 'boardId']));
      expect(event['additionalProperties']).toBe(false);
      expect((event.properties?.['occurredAt'] as { pattern: string }).pattern).toContain('Z|[+-]');
    }
    const created = events.find((e) => (e.properties?.['type'] as { const: string }).const === 'WorkItemCreated');
    expect(created?.required).toEqual(expect.arrayContaining(['itemId', 'status', 'fields']));
  });

  it('caps a batch at 1,000 events', () => {
    expect(batch.required).toEqual(['events']);
    expect(batch.properties?.['events']).toMatchObject({ type: 'array', minItems: 1, maxItems: GENERIC_MAX_EVENTS });
  });

  it('has an OpenAPI 3.0 twin without JSON Schema 2020 keywords', () => {
    const text = JSON.stringify(GENERIC_WEBHOOK_OPENAPI_SCHEMA);
    expect(GENERIC_WEBHOOK_OPENAPI_SCHEMA['$schema']).toBeUndefined();
    expect(text).not.toContain('"const"');
    expect(text).toContain('"nullable":true');
    expect(variants(GENERIC_WEBHOOK_OPENAPI_SCHEMA).events).toHaveLength(events.length);
  });
});

describe('docs/connectors/generic-webhook.md', () => {
  it('embeds exactly the exported schema', () => {
    const doc = readFileSync(join(__dirname, '..', '..', '..', '..', '..', 'docs', 'connectors', 'generic-webhook.md'), 'utf8');
    const block = /<!-- generic-webhook-json-schema:begin -->\s*```json\s*([\s\S]*?)```/.exec(doc)?.[1];
    expect(JSON.parse(block ?? 'null')).toEqual(GENERIC_WEBHOOK_JSON_SCHEMA);
  });
});
