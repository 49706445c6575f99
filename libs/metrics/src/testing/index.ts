// Test-only entry point (`@flowlens/metrics/testing`): hand-computed fixtures and random event
// streams, shared with the integration specs that hold the SQL to the oracle. Never shipped.
export * from '../lib/oracle/fixtures/canonical-events.fixture';
export * from '../lib/oracle/fixtures/random-events.fixture';
export * from '../lib/oracle/fixtures/berlin-fortnight.fixture';
export * from '../lib/oracle/fixtures/blocked-week.fixture';
export * from '../lib/oracle/fixtures/new-york-cards.fixture';
export * from '../lib/oracle/fixtures/risk-board.fixture';
export * from '../lib/oracle/fixtures/workflow-maps.fixture';
