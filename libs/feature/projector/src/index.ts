export * from './lib/projector.module';
export * from './lib/projector.attach';
export * from './lib/projector.stats';
