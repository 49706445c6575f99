export * from './lib/alert-figures.module';
export * from './lib/figure-alert.observer';
export * from './lib/figure-cycle';
