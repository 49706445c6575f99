import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export interface TeamMemberRecord {
  readonly name: string;
  readonly accountId: string | null;
  readonly fte: number;
  readonly from: string | null;
  readonly to: string | null;
}

export interface TeamAbsenceRecord {
  /** The member's accountId or name. */
  readonly member: string;
  readonly from: string;
  readonly to: string;
  readonly fraction: number;
}

/** A team: the boards it owns, its members and calendar, its cost rate and target mix of flow types. */
@Entity({ name: 'teams' })
export class TeamEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** Kept in step with team_boards, whose key makes a board belong to one team at most. */
  @Column({ name: 'board_ids', type: 'jsonb' })
  boardIds!: string[];

  @Column({ type: 'jsonb' })
  members!: TeamMemberRecord[];

  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  @Column({ name: 'working_days', type: 'jsonb' })
  workingDays!: number[];

  @Column({ type: 'jsonb' })
  holidays!: string[];

  @Column({ type: 'jsonb' })
  absences!: TeamAbsenceRecord[];

  @Column({ name: 'focus_factor', type: 'double precision' })
  focusFactor!: number;

  @Column({ name: 'cost_per_fte_day', type: 'double precision', nullable: true })
  costPerFteDay!: number | null;

  @Column({ type: 'varchar', length: 3, nullable: true })
  currency!: string | null;

  @Column({ name: 'target_mix', type: 'jsonb', nullable: true })
  targetMix!: Record<string, number> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
