import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A version per workspace register, raised by every write that changes what the register lists
 * (a signal added, reopened or closed; a ROAM change), so that API processes can keep a listed
 * register and know, by one row, whether it is still the database's.
 */
export class RiskRegisterVersions1796600000000 implements MigrationInterface {
  name = 'RiskRegisterVersions1796600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE risk_register_versions (
        workspace_id uuid PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
        version bigint NOT NULL DEFAULT 0
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE risk_register_versions`);
  }
}
