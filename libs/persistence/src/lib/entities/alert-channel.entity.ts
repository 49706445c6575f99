import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const ALERT_CHANNEL_TYPES = ['webhook', 'slack', 'email', 'log'] as const;
export type AlertChannelType = (typeof ALERT_CHANNEL_TYPES)[number];

/** Where notifications go. The URL (a Slack URL is a credential) and the signing secret are sealed at rest. */
@Entity({ name: 'alert_channels' })
export class AlertChannelEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ type: 'varchar', length: 16 })
  type!: AlertChannelType;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ name: 'url_sealed', type: 'text', nullable: true })
  urlSealed!: string | null;

  /** E-mail addresses of an `email` channel. */
  @Column({ type: 'jsonb', default: () => "'[]'::jsonb" })
  recipients!: string[];

  @Column({ name: 'secret_sealed', type: 'text', nullable: true })
  secretSealed!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;
}
