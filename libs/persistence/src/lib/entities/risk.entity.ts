import { Column, Entity, PrimaryColumn } from 'typeorm';

export const ROAM_STATES = ['resolved', 'owned', 'accepted', 'mitigated'] as const;
export type RoamState = (typeof ROAM_STATES)[number];

export interface RiskHistoryEntry {
  readonly roam: RoamState | null;
  readonly owner: string | null;
  readonly note: string | null;
  /** UTC ISO instant. */
  readonly at: string;
  /** The API key that made the change, or `system` when the signal cleared or came back. */
  readonly by: string;
  readonly open?: boolean;
}

/** One signal on one subject in the ROAM register; `riskId` stays the same when it clears and returns. */
@Entity({ name: 'risks' })
export class RiskEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @PrimaryColumn({ name: 'risk_id', type: 'varchar', length: 64 })
  riskId!: string;

  @Column({ type: 'varchar', length: 32 })
  signal!: string;

  @Column({ name: 'subject_type', type: 'varchar', length: 16 })
  subjectType!: string;

  @Column({ name: 'subject_id', type: 'varchar', length: 300 })
  subjectId!: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  roam!: RoamState | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  owner!: string | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'boolean', default: true })
  open!: boolean;

  @Column({ type: 'jsonb', default: () => "'[]'::jsonb" })
  history!: RiskHistoryEntry[];

  @Column({ name: 'first_seen_at', type: 'timestamptz' })
  firstSeenAt!: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
