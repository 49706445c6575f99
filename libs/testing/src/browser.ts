// Browser tooling (playwright-core) apart from the main entry point, so that only browser tests load it.
export * from './lib/browser';
