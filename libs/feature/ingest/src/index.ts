export * from './lib/ingest.module';
export * from './lib/webhook-intake.service';
export * from './lib/webhook-connectors';
export * from './lib/dead-letters.service';
export * from './lib/webhook-fast-path';
export * from './lib/accepted-ids-follower';
