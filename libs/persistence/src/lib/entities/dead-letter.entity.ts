import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ConnectorType } from './connector.entity';

export const DEAD_LETTER_STATUSES = ['open', 'redriven', 'discarded'] as const;
export type DeadLetterStatus = (typeof DEAD_LETTER_STATUSES)[number];

/**
 * A delivery that passed its schema but could not be normalised. The log's dead-letter topic has
 * the record; this row is what operators list, re-drive after a fix, or discard.
 */
@Entity({ name: 'dead_letters' })
@Index('dead_letters_listing_idx', ['workspaceId', 'status', 'receivedAt'])
export class DeadLetterEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @PrimaryColumn({ name: 'delivery_id', type: 'varchar', length: 300 })
  deliveryId!: string;

  @Column({ name: 'connector_id', type: 'uuid' })
  connectorId!: string;

  @Column({ type: 'varchar', length: 16 })
  source!: ConnectorType;

  @Column({ type: 'varchar', length: 16 })
  status!: DeadLetterStatus;

  @Column({ type: 'text' })
  reason!: string;

  /** The raw body exactly as received (signature headers are never kept). */
  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" })
  headers!: Record<string, string>;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  /** Normalisation attempts: the delivery itself, source retries, and failed re-drives. */
  @Column({ type: 'int', default: 1 })
  attempts!: number;

  @Column({ name: 'last_attempt_at', type: 'timestamptz' })
  lastAttemptAt!: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
