import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TeamsAndPortfolios1796100000000 implements MigrationInterface {
  name = 'TeamsAndPortfolios1796100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE teams (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        name varchar(200) NOT NULL,
        board_ids jsonb NOT NULL,
        members jsonb NOT NULL,
        working_days jsonb NOT NULL,
        holidays jsonb NOT NULL,
        absences jsonb NOT NULL,
        focus_factor double precision NOT NULL CHECK (focus_factor > 0 AND focus_factor <= 1),
        cost_per_fte_day double precision CHECK (cost_per_fte_day >= 0),
        currency varchar(3),
        target_mix jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX teams_workspace_idx ON teams (workspace_id, name)`);
    // The primary key is the rule "a board belongs to at most one team".
    await db.query(`
      CREATE TABLE team_boards (
        workspace_id uuid NOT NULL,
        board_id varchar(200) NOT NULL,
        team_id uuid NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
        PRIMARY KEY (workspace_id, board_id)
      )`);
    await db.query(`
      CREATE TABLE portfolios (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        name varchar(200) NOT NULL,
        board_ids jsonb NOT NULL,
        owners jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX portfolios_workspace_idx ON portfolios (workspace_id, name)`);
    // Deleting a team removes it from its portfolios.
    await db.query(`
      CREATE TABLE portfolio_teams (
        portfolio_id uuid NOT NULL REFERENCES portfolios(id) ON DELETE CASCADE,
        team_id uuid NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
        position int NOT NULL,
        PRIMARY KEY (portfolio_id, team_id)
      )`);
    await db.query(`CREATE INDEX portfolio_teams_team_idx ON portfolio_teams (team_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE portfolio_teams`);
    await db.query(`DROP TABLE portfolios`);
    await db.query(`DROP TABLE team_boards`);
    await db.query(`DROP TABLE teams`);
  }
}
