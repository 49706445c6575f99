export * from './lib/admin.module';
export * from './lib/admin.dto';
export { webhookPath } from './lib/connectors.controller';
