import { z } from 'zod';
import { genericWebhookBodySchema } from './generic-event.schema';

const freeze = (schema: unknown): Readonly<Record<string, unknown>> => Object.freeze(schema as Record<string, unknown>);

/**
 * JSON Schema (draft 2020-12, as OpenAPI 3.1 uses) of the generic webhook body. Two rules are
 * enforced beyond it: an update changes at least one field, and one id is one event per request.
 */
export const GENERIC_WEBHOOK_JSON_SCHEMA = freeze(z.toJSONSchema(genericWebhookBodySchema, { target: 'draft-2020-12' }));

/** The same schema in OpenAPI 3.0's dialect (`nullable`, no `const`), which @nestjs/swagger documents emit. */
export const GENERIC_WEBHOOK_OPENAPI_SCHEMA = freeze(z.toJSONSchema(genericWebhookBodySchema, { target: 'openapi-3.0' }));
