import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const ALERT_SEVERITIES = ['info', 'warning', 'critical'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/** A rule as stored; `kind`, `scope` and `params` are validated by the schemas of `@flowlens/alerting`. */
@Entity({ name: 'alert_rules' })
export class AlertRuleEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: string;

  @Column({ type: 'jsonb' })
  scope!: { boardId?: string; teamId?: string; portfolioId?: string };

  @Column({ type: 'jsonb' })
  params!: Record<string, unknown>;

  @Column({ type: 'varchar', length: 16 })
  severity!: AlertSeverity;

  @Column({ name: 'channel_ids', type: 'jsonb', default: () => "'[]'::jsonb" })
  channelIds!: string[];

  @Column({ name: 'for_minutes', type: 'double precision', default: 0 })
  forMinutes!: number;

  @Column({ name: 'repeat_hours', type: 'double precision', default: 24 })
  repeatHours!: number;

  @Column({ name: 'notify_resolved', type: 'boolean', default: true })
  notifyResolved!: boolean;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** Deleting a rule keeps its instances and deliveries as history. */
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;
}
