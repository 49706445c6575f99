import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Key expiry, connector secret rotation / disable / soft delete, and the audit log. */
export class Governance1796000000000 implements MigrationInterface {
  name = 'Governance1796000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE api_keys ADD COLUMN expires_at timestamptz`);
    await db.query(`
      ALTER TABLE connectors
        ADD COLUMN previous_secret_sealed text,
        ADD COLUMN previous_secret_valid_until timestamptz,
        ADD COLUMN disabled_at timestamptz,
        ADD COLUMN deleted_at timestamptz`);
    // No foreign key to workspaces: an operator's entry (a workspace's deletion) outlives it.
    await db.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        workspace_id uuid,
        actor_key_id uuid,
        actor_name varchar(100) NOT NULL,
        action varchar(100) NOT NULL,
        target_type varchar(50) NOT NULL,
        target_id varchar(300),
        before jsonb,
        after jsonb,
        request_id varchar(200)
      )`);
    await db.query(`CREATE INDEX audit_log_listing_idx ON audit_log (workspace_id, id DESC)`);
    await db.query(`CREATE INDEX audit_log_target_idx ON audit_log (workspace_id, target_type, target_id, id DESC)`);
    await db.query(`CREATE INDEX audit_log_actor_idx ON audit_log (workspace_id, actor_key_id, id DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE audit_log`);
    await db.query(`
      ALTER TABLE connectors
        DROP COLUMN previous_secret_sealed,
        DROP COLUMN previous_secret_valid_until,
        DROP COLUMN disabled_at,
        DROP COLUMN deleted_at`);
    await db.query(`ALTER TABLE api_keys DROP COLUMN expires_at`);
  }
}
