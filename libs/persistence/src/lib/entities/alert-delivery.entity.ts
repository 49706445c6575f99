import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const ALERT_DELIVERY_STATUSES = ['retrying', 'sent', 'failed'] as const;
export type AlertDeliveryStatus = (typeof ALERT_DELIVERY_STATUSES)[number];
export type AlertDeliveryKind = 'alert' | 'digest' | 'test';

/**
 * The outbox: one notification to one channel. Written in the transaction that changed the instances
 * it lists; `retrying` until sent or given up. Its id is the Idempotency-Key, the same on every try.
 */
@Entity({ name: 'alert_deliveries' })
export class AlertDeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ name: 'channel_id', type: 'uuid' })
  channelId!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: AlertDeliveryKind;

  @Column({ name: 'rule_id', type: 'uuid', nullable: true })
  ruleId!: string | null;

  @Column({ name: 'digest_id', type: 'uuid', nullable: true })
  digestId!: string | null;

  @Column({ type: 'varchar', length: 16, default: 'retrying' })
  status!: AlertDeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt!: Date;

  /** An `AlertNotification` (kind alert), a rendered digest (kind digest) or a test message. */
  @Column({ type: 'jsonb' })
  body!: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
