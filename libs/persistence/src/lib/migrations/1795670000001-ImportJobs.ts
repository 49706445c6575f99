import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ImportJobs1795670000001 implements MigrationInterface {
  name = 'ImportJobs1795670000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE import_jobs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        connector_id uuid NOT NULL REFERENCES connectors(id) ON DELETE CASCADE,
        kind varchar(16) NOT NULL CHECK (kind IN ('jira-rest', 'trello-rest', 'jira-file', 'trello-file')),
        origin varchar(8) NOT NULL CHECK (origin IN ('api', 'cli')),
        params jsonb NOT NULL,
        secrets_sealed text,
        file_body text,
        status varchar(16) NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
        items_done int NOT NULL DEFAULT 0,
        items_total int,
        events_appended int NOT NULL DEFAULT 0,
        failures int NOT NULL DEFAULT 0,
        failure_samples jsonb NOT NULL DEFAULT '[]'::jsonb,
        checkpoint jsonb,
        error text,
        lease_owner varchar(200),
        lease_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        run_started_at timestamptz,
        run_start_items int NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await db.query(`CREATE INDEX import_jobs_workspace_idx ON import_jobs (workspace_id, created_at)`);
    // Start-up scans look for unfinished jobs only.
    await db.query(`CREATE INDEX import_jobs_unfinished_idx ON import_jobs (status) WHERE status IN ('queued', 'running')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE import_jobs`);
  }
}
