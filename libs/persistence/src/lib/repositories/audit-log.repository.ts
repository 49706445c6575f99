import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditEntryEntity } from '../entities/audit-entry.entity';

export interface NewAuditEntry {
  readonly workspaceId: string | null;
  readonly actorKeyId: string | null;
  readonly actorName: string;
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string | null;
  readonly before: unknown;
  readonly after: unknown;
  readonly requestId: string | null;
}

export interface AuditQuery {
  readonly limit: number;
  /** Entries older than this id (the previous page's last). */
  readonly beforeId?: string;
  readonly targetType?: string;
  readonly targetId?: string;
  readonly actorKeyId?: string;
}

/** The append-only audit trail of configuration changes, listed newest first. */
@Injectable()
export class AuditLogRepository {
  constructor(private readonly db: DataSource) {}

  async append(entry: NewAuditEntry): Promise<AuditEntryEntity> {
    const repo = this.db.getRepository(AuditEntryEntity);
    return repo.save(repo.create({ ...entry, before: entry.before ?? null, after: entry.after ?? null, at: new Date() }));
  }

  list(workspaceId: string, query: AuditQuery): Promise<AuditEntryEntity[]> {
    const qb = this.db
      .getRepository(AuditEntryEntity)
      .createQueryBuilder('a')
      .where('a.workspace_id = :workspaceId', { workspaceId })
      .orderBy('a.id', 'DESC')
      .limit(query.limit);
    if (query.beforeId !== undefined) qb.andWhere('a.id < :beforeId', { beforeId: query.beforeId });
    if (query.targetType !== undefined) qb.andWhere('a.target_type = :targetType', { targetType: query.targetType });
    if (query.targetId !== undefined) qb.andWhere('a.target_id = :targetId', { targetId: query.targetId });
    if (query.actorKeyId !== undefined) qb.andWhere('a.actor_key_id = :actorKeyId', { actorKeyId: query.actorKeyId });
    return qb.getMany();
  }
}
