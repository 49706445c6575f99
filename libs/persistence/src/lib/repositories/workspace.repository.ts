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

  async update(id: string, patch: { readonly name?: string; readonly timezone?: string }): Promise<WorkspaceEntity | null> {
    if (patch.name !== undefined || patch.timezone !== undefined) await this.db.getRepository(WorkspaceEntity).update({ id }, patch);
    return this.findById(id);
  }

  /**
   * Deletes the workspace and every row that names it, in one transaction: the workspace row first
   * (its foreign keys cascade), then any other table with a `workspace_id` column, so tables other
   * modules add later are swept too. Answers how many rows each table lost.
   */
  async purge(id: string): Promise<Record<string, number> | null> {
    return this.db.transaction(async (tx) => {
      const deleted: Array<{ id: string }> = await tx.query(`DELETE FROM workspaces WHERE id = $1 RETURNING id`, [id]);
      if (deleted.length === 0) return null;
      const tables: Array<{ table_name: string }> = await tx.query(
        `SELECT c.table_name FROM information_schema.columns c
           JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
          WHERE c.table_schema = current_schema() AND c.column_name = 'workspace_id' AND t.table_type = 'BASE TABLE'
          ORDER BY c.table_name`,
      );
      const counts: Record<string, number> = { workspaces: 1 };
      for (const { table_name: table } of tables) {
        const rows: unknown[] = await tx.query(`DELETE FROM "${table.replace(/"/g, '""')}" WHERE workspace_id = $1 RETURNING 1`, [id]);
        if (rows.length > 0) counts[table] = rows.length;
      }
      return counts;
    });
  }
}
