import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const ALERT_STATES = ['pending', 'firing', 'resolved'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

export interface AlertInstanceHistoryEntry {
  /** UTC ISO instant. */
  readonly at: string;
  readonly state?: AlertState;
  readonly event: 'pending' | 'firing' | 'resolved' | 'notified' | 'acknowledged' | 'snoozed';
  readonly value?: number | null;
  /** The API key that acknowledged or snoozed, or `system`. */
  readonly by?: string;
}

/** One rule on one subject; at most one instance per rule and subject is not resolved. */
@Entity({ name: 'alert_instances' })
export class AlertInstanceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ name: 'rule_id', type: 'uuid' })
  ruleId!: string;

  @Column({ name: 'subject_type', type: 'varchar', length: 16 })
  subjectType!: string;

  @Column({ name: 'subject_id', type: 'varchar', length: 300 })
  subjectId!: string;

  @Column({ type: 'varchar', length: 16 })
  state!: AlertState;

  @Column({ type: 'double precision', nullable: true })
  value!: number | null;

  @Column({ type: 'double precision', nullable: true })
  threshold!: number | null;

  /** The first evaluation at which the condition held; `forMinutes` counts from here. */
  @Column({ name: 'condition_since', type: 'timestamptz' })
  conditionSince!: Date;

  /** When it started firing. */
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @Column({ name: 'last_notified_at', type: 'timestamptz', nullable: true })
  lastNotifiedAt!: Date | null;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt!: Date | null;

  @Column({ name: 'snoozed_until', type: 'timestamptz', nullable: true })
  snoozedUntil!: Date | null;

  @Column({ type: 'jsonb', default: () => "'[]'::jsonb" })
  history!: AlertInstanceHistoryEntry[];

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
