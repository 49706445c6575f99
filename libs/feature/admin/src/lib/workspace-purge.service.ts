import { Injectable, Logger } from '@nestjs/common';
import { ConnectorRepository, WorkspacePurgeRegistry, WorkspaceRepository } from '@flowlens/persistence';

/**
 * Deletes a workspace with every row it has in PostgreSQL and in the other stores (ClickHouse).
 * Its connectors stop first, so no delivery lands while the stores are emptied; the other stores
 * go before PostgreSQL, so a failure there leaves the workspace in place to delete again.
 * The log keeps its raw records; a rebuild skips records of workspaces that no longer exist.
 */
@Injectable()
export class WorkspacePurgeService {
  private readonly logger = new Logger(WorkspacePurgeService.name);

  constructor(
    private readonly workspaces: WorkspaceRepository,
    private readonly connectors: ConnectorRepository,
    private readonly stores: WorkspacePurgeRegistry,
  ) {}

  async purge(workspaceId: string): Promise<Record<string, Record<string, number>> | null> {
    if (!(await this.workspaces.findById(workspaceId))) return null;
    for (const connector of await this.connectors.listByWorkspace(workspaceId)) await this.connectors.delete(workspaceId, connector.id, { purge: false });
    const removed: Record<string, Record<string, number>> = {};
    for (const store of this.stores.list()) removed[store.name] = await store.purge(workspaceId);
    const postgres = await this.workspaces.purge(workspaceId);
    if (!postgres) return null;
    removed['postgres'] = postgres;
    this.logger.log({ workspaceId, removed }, 'workspace purged');
    return removed;
  }
}
