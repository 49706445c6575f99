import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { PortfolioEntity } from '../entities/portfolio.entity';
import { UnknownTeamsError } from './organisation.errors';

export interface PortfolioDocument {
  readonly name: string;
  readonly teamIds: readonly string[];
  readonly boardIds: readonly string[];
  readonly owners: readonly string[];
}

/** A portfolio with its team ids, in the order they were given. */
export interface PortfolioRecord extends PortfolioDocument {
  readonly id: string;
  readonly workspaceId: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

@Injectable()
export class PortfolioRepository {
  constructor(private readonly db: DataSource) {}

  async list(workspaceId: string): Promise<PortfolioRecord[]> {
    const portfolios = await this.db.getRepository(PortfolioEntity).find({ where: { workspaceId }, order: { name: 'ASC', id: 'ASC' } });
    return this.withTeams(this.db.manager, portfolios);
  }

  async find(workspaceId: string, id: string): Promise<PortfolioRecord | null> {
    const found = await this.db.getRepository(PortfolioEntity).findOne({ where: { workspaceId, id } });
    return found ? ((await this.withTeams(this.db.manager, [found]))[0] ?? null) : null;
  }

  /** Throws UnknownTeamsError when a team id is not one of the workspace's teams. */
  create(workspaceId: string, doc: PortfolioDocument): Promise<PortfolioRecord> {
    return this.db.transaction(async (tx) => {
      const saved = await tx.getRepository(PortfolioEntity).save(Object.assign(new PortfolioEntity(), { workspaceId, name: doc.name, boardIds: [...doc.boardIds], owners: [...doc.owners] }));
      await this.setTeams(tx, workspaceId, saved.id, doc.teamIds);
      return { ...toRecord(saved), teamIds: [...doc.teamIds] };
    });
  }

  replace(workspaceId: string, id: string, doc: PortfolioDocument): Promise<PortfolioRecord | null> {
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(PortfolioEntity);
      const existing = await repo.findOne({ where: { workspaceId, id }, lock: { mode: 'pessimistic_write' } });
      if (!existing) return null;
      const saved = await repo.save(Object.assign(existing, { name: doc.name, boardIds: [...doc.boardIds], owners: [...doc.owners] }));
      await tx.query(`DELETE FROM portfolio_teams WHERE portfolio_id = $1`, [id]);
      await this.setTeams(tx, workspaceId, id, doc.teamIds);
      return { ...toRecord(saved), teamIds: [...doc.teamIds] };
    });
  }

  async delete(workspaceId: string, id: string): Promise<boolean> {
    const result = await this.db.getRepository(PortfolioEntity).delete({ workspaceId, id });
    return (result.affected ?? 0) > 0;
  }

  private async setTeams(tx: EntityManager, workspaceId: string, portfolioId: string, teamIds: readonly string[]): Promise<void> {
    if (teamIds.length === 0) return;
    const known: Array<{ id: string }> = await tx.query(`SELECT id FROM teams WHERE workspace_id = $1 AND id = ANY($2::uuid[]) FOR SHARE`, [workspaceId, teamIds]);
    const missing = teamIds.filter((t) => !known.some((k) => k.id === t));
    if (missing.length) throw new UnknownTeamsError(missing);
    await tx.query(`INSERT INTO portfolio_teams (portfolio_id, team_id, position) SELECT $1, t.id, t.n FROM unnest($2::uuid[]) WITH ORDINALITY AS t(id, n)`, [portfolioId, teamIds]);
  }

  private async withTeams(db: EntityManager, portfolios: PortfolioEntity[]): Promise<PortfolioRecord[]> {
    if (portfolios.length === 0) return [];
    const rows: Array<{ portfolio_id: string; team_id: string }> = await db.query(
      `SELECT portfolio_id, team_id FROM portfolio_teams WHERE portfolio_id = ANY($1::uuid[]) ORDER BY portfolio_id, position`,
      [portfolios.map((p) => p.id)],
    );
    return portfolios.map((p) => ({ ...toRecord(p), teamIds: rows.filter((r) => r.portfolio_id === p.id).map((r) => r.team_id) }));
  }
}

function toRecord(p: PortfolioEntity): Omit<PortfolioRecord, 'teamIds'> {
  return { id: p.id, workspaceId: p.workspaceId, name: p.name, boardIds: p.boardIds, owners: p.owners, createdAt: p.createdAt, updatedAt: p.updatedAt };
}
