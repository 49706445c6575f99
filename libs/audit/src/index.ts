export * from './lib/audit-context';
export * from './lib/audited.decorator';
export * from './lib/audit.interceptor';
export * from './lib/audit.module';
export * from './lib/redact.util';
