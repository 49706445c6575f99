import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type ConnectorType = 'jira' | 'trello' | 'generic';

/**
 * A webhook source of a workspace. The signing secret is kept (encrypted when a key is
 * configured) because signatures are verified with it; it is never returned by the API.
 */
@Entity({ name: 'connectors' })
export class ConnectorEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ type: 'varchar', length: 16 })
  type!: ConnectorType;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ name: 'secret_sealed', type: 'text', nullable: true })
  secretSealed!: string | null;

  /** The secret before the last rotation, still accepted until `previousSecretValidUntil`. */
  @Column({ name: 'previous_secret_sealed', type: 'text', nullable: true })
  previousSecretSealed!: string | null;

  @Column({ name: 'previous_secret_valid_until', type: 'timestamptz', nullable: true })
  previousSecretValidUntil!: Date | null;

  /** A disabled connector refuses deliveries until enabled again. */
  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  /** Deleted connectors answer 404; the row stays so its history (dead letters, imports) is kept. */
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;

  /** SHA-256 of the URL token for sources that cannot sign. */
  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash!: string;

  /** The callback URL exactly as registered at the source (Trello signs it). */
  @Column({ name: 'callback_url', type: 'text', nullable: true })
  callbackUrl!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" })
  settings!: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
