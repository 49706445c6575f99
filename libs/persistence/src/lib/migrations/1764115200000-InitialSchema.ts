import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1764115200000 implements MigrationInterface {
  name = 'InitialSchema1764115200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE workspaces (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(200) NOT NULL,
        timezone varchar(64) NOT NULL DEFAULT 'UTC',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        name varchar(100) NOT NULL,
        prefix varchar(32) NOT NULL,
        key_hash char(64) NOT NULL,
        role varchar(16) NOT NULL CHECK (role IN ('admin', 'analyst', 'viewer')),
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await db.query(`CREATE UNIQUE INDEX api_keys_prefix_uq ON api_keys (prefix)`);
    await db.query(`CREATE INDEX api_keys_workspace_idx ON api_keys (workspace_id)`);
    await db.query(`
      CREATE TABLE connectors (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        type varchar(16) NOT NULL CHECK (type IN ('jira', 'trello', 'generic')),
        name varchar(200) NOT NULL,
        secret_sealed text,
        token_hash char(64) NOT NULL,
        callback_url text,
        settings jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX connectors_workspace_idx ON connectors (workspace_id)`);
    await db.query(`
      CREATE TABLE workflow_map_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        board_id varchar(200) NOT NULL,
        version int NOT NULL,
        stages jsonb NOT NULL,
        changed_by varchar(200) NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT workflow_map_versions_uq UNIQUE (workspace_id, board_id, version)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE workflow_map_versions`);
    await db.query(`DROP TABLE connectors`);
    await db.query(`DROP TABLE api_keys`);
    await db.query(`DROP TABLE workspaces`);
  }
}
