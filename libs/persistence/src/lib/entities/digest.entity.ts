import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A weekly digest of one portfolio (or the whole workspace), sent at a local weekday and hour. */
@Entity({ name: 'digests' })
export class DigestEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ name: 'portfolio_id', type: 'uuid', nullable: true })
  portfolioId!: string | null;

  @Column({ name: 'channel_ids', type: 'jsonb', default: () => "'[]'::jsonb" })
  channelIds!: string[];

  /** ISO weekday, 1 = Monday … 7 = Sunday, in the workspace time zone. */
  @Column({ type: 'smallint', default: 1 })
  weekday!: number;

  @Column({ type: 'smallint', default: 8 })
  hour!: number;

  /** The local date of the last scheduled send, so a restart never sends a week twice. */
  @Column({ name: 'last_sent_for', type: 'varchar', length: 10, nullable: true })
  lastSentFor!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;
}
