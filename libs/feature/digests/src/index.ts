export * from './lib/digests.module';
export * from './lib/digests.options';
export * from './lib/digest-scheduler.service';
export * from './lib/digest.store';
export * from './lib/content/digest-content';
export * from './lib/content/digest-week';
export * from './lib/content/forecast-change';
