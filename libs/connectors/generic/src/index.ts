export * from './lib/generic-webhook.connector';
export * from './lib/generic-event.schema';
export * from './lib/generic-webhook.json-schema';
export * from './lib/generic-signature.util';
export { normaliseGenericBody, parseGenericBody } from './lib/generic-event.normaliser';
