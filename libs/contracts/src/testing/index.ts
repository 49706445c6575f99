// Test-only entry point (`@flowlens/contracts/testing`): helpers shared by the connectors' property tests.
export * from './json-mutation';
