import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const IMPORT_KINDS = ['jira-rest', 'trello-rest', 'jira-file', 'trello-file'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const IMPORT_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
/** Who runs the job: the API's process (resumed at its start-up) or a CLI invocation (resumed with --resume). */
export type ImportOrigin = 'api' | 'cli';

export interface ImportFailureSample {
  readonly id: string | null;
  readonly reason: string;
}

/** A back-fill or file import with its progress; `checkpoint` lets a crashed run resume. */
@Entity({ name: 'import_jobs' })
@Index('import_jobs_workspace_idx', ['workspaceId', 'createdAt'])
export class ImportJobEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ name: 'connector_id', type: 'uuid' })
  connectorId!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: ImportKind;

  @Column({ type: 'varchar', length: 8 })
  origin!: ImportOrigin;

  /** Non-secret parameters (base URL, JQL, board id, file name); safe to show. */
  @Column({ type: 'jsonb' })
  params!: Record<string, unknown>;

  /** Credentials of the source, sealed with the connector-secret key; never returned. */
  @Column({ name: 'secrets_sealed', type: 'text', nullable: true, select: false })
  secretsSealed!: string | null;

  /** An uploaded export (file kinds through the API), kept so the job survives a restart. */
  @Column({ name: 'file_body', type: 'text', nullable: true, select: false })
  fileBody!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: ImportStatus;

  /** Issues, actions or events handled, depending on the kind (`unit` in the API). */
  @Column({ name: 'items_done', type: 'int', default: 0 })
  itemsDone!: number;

  @Column({ name: 'items_total', type: 'int', nullable: true })
  itemsTotal!: number | null;

  @Column({ name: 'events_appended', type: 'int', default: 0 })
  eventsAppended!: number;

  @Column({ type: 'int', default: 0 })
  failures!: number;

  @Column({ name: 'failure_samples', type: 'jsonb', default: () => "'[]'::jsonb" })
  failureSamples!: ImportFailureSample[];

  @Column({ type: 'jsonb', nullable: true })
  checkpoint!: unknown;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  /** The process running the job and until when its claim holds (renewed at every checkpoint). */
  @Column({ name: 'lease_owner', type: 'varchar', length: 200, nullable: true })
  leaseOwner!: string | null;

  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  /** Start of the current run and the items done then: the ETA uses this run's rate only. */
  @Column({ name: 'run_started_at', type: 'timestamptz', nullable: true })
  runStartedAt!: Date | null;

  @Column({ name: 'run_start_items', type: 'int', default: 0 })
  runStartItems!: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
