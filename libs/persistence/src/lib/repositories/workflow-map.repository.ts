import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WorkflowMapVersionEntity, type WorkflowStageRecord } from '../entities/workflow-map-version.entity';

@Injectable()
export class WorkflowMapRepository {
  constructor(private readonly db: DataSource) {}

  /** Saves a new version (the previous ones are kept). Single statement: the version number is computed in SQL. */
  async saveVersion(workspaceId: string, boardId: string, stages: WorkflowStageRecord[], changedBy: string): Promise<WorkflowMapVersionEntity> {
    const rows: Array<{ id: string; version: number; changed_at: Date }> = await this.db.query(
      `INSERT INTO workflow_map_versions (workspace_id, board_id, version, stages, changed_by)
       SELECT $1::uuid, $2::varchar, COALESCE(MAX(version), 0) + 1, $3::jsonb, $4::varchar
       FROM workflow_map_versions WHERE workspace_id = $1::uuid AND board_id = $2::varchar
       RETURNING id, version, changed_at`,
      [workspaceId, boardId, JSON.stringify(stages), changedBy],
    );
    const row = rows[0];
    if (!row) throw new Error('workflow map insert returned no row');
    return Object.assign(new WorkflowMapVersionEntity(), { id: row.id, workspaceId, boardId, version: row.version, stages, changedBy, changedAt: row.changed_at });
  }

  /** The latest version of every board's map in a workspace. */
  latest(workspaceId: string): Promise<WorkflowMapVersionEntity[]> {
    return this.db
      .getRepository(WorkflowMapVersionEntity)
      .createQueryBuilder('m')
      .distinctOn(['m.board_id'])
      .where('m.workspace_id = :workspaceId', { workspaceId })
      .orderBy('m.board_id')
      .addOrderBy('m.version', 'DESC')
      .getMany();
  }

  history(workspaceId: string, boardId: string): Promise<WorkflowMapVersionEntity[]> {
    return this.db.getRepository(WorkflowMapVersionEntity).find({ where: { workspaceId, boardId }, order: { version: 'DESC' } });
  }
}
