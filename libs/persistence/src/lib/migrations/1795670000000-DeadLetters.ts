import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DeadLetters1795670000000 implements MigrationInterface {
  name = 'DeadLetters1795670000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE dead_letters (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        delivery_id varchar(300) NOT NULL,
        connector_id uuid NOT NULL REFERENCES connectors(id) ON DELETE CASCADE,
        source varchar(16) NOT NULL CHECK (source IN ('jira', 'trello', 'generic')),
        status varchar(16) NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'redriven', 'discarded')),
        reason text NOT NULL,
        body text NOT NULL,
        headers jsonb NOT NULL DEFAULT '{}'::jsonb,
        received_at timestamptz NOT NULL,
        attempts int NOT NULL DEFAULT 1 CHECK (attempts >= 1),
        last_attempt_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, delivery_id)
      )`);
    await db.query(`CREATE INDEX dead_letters_listing_idx ON dead_letters (workspace_id, status, received_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE dead_letters`);
  }
}
