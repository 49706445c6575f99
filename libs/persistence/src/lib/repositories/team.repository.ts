import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { TeamEntity } from '../entities/team.entity';
import { BoardOwnedError } from './organisation.errors';

/** The editable part of a team (everything but its id, workspace and timestamps). */
export type TeamDocument = Omit<TeamEntity, 'id' | 'workspaceId' | 'createdAt' | 'updatedAt'>;

@Injectable()
export class TeamRepository {
  constructor(private readonly db: DataSource) {}

  list(workspaceId: string): Promise<TeamEntity[]> {
    return this.db.getRepository(TeamEntity).find({ where: { workspaceId }, order: { name: 'ASC', id: 'ASC' } });
  }

  find(workspaceId: string, id: string): Promise<TeamEntity | null> {
    return this.db.getRepository(TeamEntity).findOne({ where: { workspaceId, id } });
  }

  findMany(workspaceId: string, ids: readonly string[]): Promise<TeamEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.getRepository(TeamEntity).createQueryBuilder('t').where('t.workspace_id = :workspaceId AND t.id IN (:...ids)', { workspaceId, ids }).orderBy('t.name').getMany();
  }

  /** Throws BoardOwnedError when one of its boards belongs to another team. */
  create(workspaceId: string, doc: TeamDocument): Promise<TeamEntity> {
    return this.db.transaction(async (tx) => {
      const saved = await tx.getRepository(TeamEntity).save(Object.assign(new TeamEntity(), doc, { workspaceId }));
      await this.claimBoards(tx, workspaceId, saved.id, doc.boardIds);
      return saved;
    });
  }

  /** Replaces the whole document; null when the team does not exist. */
  replace(workspaceId: string, id: string, doc: TeamDocument): Promise<TeamEntity | null> {
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(TeamEntity);
      const existing = await repo.findOne({ where: { workspaceId, id }, lock: { mode: 'pessimistic_write' } });
      if (!existing) return null;
      await tx.query(`DELETE FROM team_boards WHERE team_id = $1`, [id]);
      await this.claimBoards(tx, workspaceId, id, doc.boardIds);
      return repo.save(Object.assign(existing, doc));
    });
  }

  async delete(workspaceId: string, id: string): Promise<boolean> {
    const result = await this.db.getRepository(TeamEntity).delete({ workspaceId, id });
    return (result.affected ?? 0) > 0;
  }

  private async claimBoards(tx: EntityManager, workspaceId: string, teamId: string, boardIds: readonly string[]): Promise<void> {
    const owned: Array<{ board_id: string; team_id: string }> = await tx.query(
      `SELECT board_id, team_id FROM team_boards WHERE workspace_id = $1 AND board_id = ANY($2::varchar[]) AND team_id <> $3`,
      [workspaceId, boardIds, teamId],
    );
    if (owned[0]) throw new BoardOwnedError(owned[0].board_id, owned[0].team_id);
    try {
      await tx.query(`INSERT INTO team_boards (workspace_id, board_id, team_id) SELECT $1, unnest($2::varchar[]), $3`, [workspaceId, boardIds, teamId]);
    } catch (error) {
      // Another team claimed one of the boards between the check and the insert.
      if ((error as { code?: string }).code === '23505') throw new BoardOwnedError(boardIds.join(', '), 'another team');
      throw error;
    }
  }
}
