import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RiskRegister1796200000000 implements MigrationInterface {
  name = 'RiskRegister1796200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE risks (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        risk_id varchar(64) NOT NULL,
        signal varchar(32) NOT NULL,
        subject_type varchar(16) NOT NULL,
        subject_id varchar(300) NOT NULL,
        roam varchar(16) CHECK (roam IN ('resolved', 'owned', 'accepted', 'mitigated')),
        owner varchar(200),
        note text,
        open boolean NOT NULL DEFAULT true,
        history jsonb NOT NULL DEFAULT '[]'::jsonb,
        first_seen_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, risk_id)
      )`);
    await db.query(`CREATE INDEX risks_open_idx ON risks (workspace_id, open)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE risks`);
  }
}
