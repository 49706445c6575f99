import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

export interface WorkflowStageRecord {
  readonly name: string;
  readonly category: 'backlog' | 'active' | 'wait' | 'done' | 'removed';
  readonly statuses: readonly string[];
}

/** Every saved version of a board's workflow map is kept, with who changed it and when. */
@Entity({ name: 'workflow_map_versions' })
@Unique(['workspaceId', 'boardId', 'version'])
export class WorkflowMapVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ name: 'board_id', type: 'varchar', length: 200 })
  boardId!: string;

  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'jsonb' })
  stages!: WorkflowStageRecord[];

  @Column({ name: 'changed_by', type: 'varchar', length: 200 })
  changedBy!: string;

  @CreateDateColumn({ name: 'changed_at', type: 'timestamptz' })
  changedAt!: Date;
}
