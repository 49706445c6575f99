export * from './lib/health/readiness.registry';
export * from './lib/health/health.module';
export * from './lib/errors/api-error';
export * from './lib/errors/error-envelope.filter';
export * from './lib/logging/logging.module';
export * from './lib/http/http-app.factory';
export * from './lib/http/graceful-shutdown';
export * from './lib/http/public-url';
