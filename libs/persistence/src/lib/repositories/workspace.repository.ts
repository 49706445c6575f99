import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WorkspaceEntity } from '../entities/workspace.entity';
import type { ApiKeyRole } from '../entities/api-key.entity';

export interface NewWorkspace {
  readonly name: string;
  readonly timezone: string;
  /** The workspace's first API key, stored in the same statement so neither exists without the other. */
  readonly firstKey: { readonly name: string; readonly prefix: string; readonly keyHash: string; readonly role: ApiKeyRole };
}

@Injectable()
export class WorkspaceRepository {
  constructor(private readonly db: DataSource) {}

  async create(input: NewWorkspace): Promise<WorkspaceEntity> {
    const rows: Array<{ id: string; name: string; timezone: string; created_at: Date }> = await this.db.query(
      `WITH w AS (
         INSERT INTO workspaces (name, timezone) VALUES ($1, $2) RETURNING id, name, timezone, created_at
       ), k AS (
         INSERT INTO api_keys (workspace_id, name, prefix, key_hash, role)
         SELECT w.id, $3, $4, $5, $6 FROM w RETURNING workspace_id
       )
       SELECT w.* FROM w JOIN k ON k.workspace_id = w.id`,
      [input.name, input.timezone, input.firstKey.name, input.firstKey.prefix, input.firstKey.keyHash, input.firstKey.role],
    );
    const row = rows[0];
    if (!row) throw new Error('workspace insert returned no row');
    return Object.assign(new WorkspaceEntity(), { id: row.id, name: row.name, timezone: row.timezone, createdAt: row.created_at });
  }

  findById(id: string): Promise<WorkspaceEntity | null> {
    return this.db.getRepository(WorkspaceEntity).findOneBy({ id });
  }

  list(): Promise<WorkspaceEntity[]> {
    return this.db.getRepository(WorkspaceEntity).find({ order: { createdAt: 'ASC' } });
  }

  async updateTimezone(id: string, timezone: string): Promise<void> {
    await this.db.getRepository(WorkspaceEntity).update({ id }, { timezone });
  }
}
