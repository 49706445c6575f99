-- raw_webhooks keeps what the connector activity reads (each delivery's outcome, time and event
-- ids), no longer the body: the log keeps every payload as received (the embedded journal is
-- append-only, the Kafka topics have retention.ms=-1), and a re-normalisation or a rebuild reads
-- it from there. The copy cost the projector a parse-sized encode, the engine its compression and
-- merges of ~12 kB per delivery, and the disk as much again.
ALTER TABLE {db}.raw_webhooks
  DROP COLUMN IF EXISTS body;
