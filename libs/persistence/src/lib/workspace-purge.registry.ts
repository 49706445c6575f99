import { Injectable } from '@nestjs/common';

/** A store outside PostgreSQL that holds rows of workspaces (ClickHouse projections). */
export interface WorkspacePurger {
  readonly name: string;
  /** Deletes every row of the workspace; answers how many rows each table lost, where known. */
  purge(workspaceId: string): Promise<Record<string, number>>;
}

/** Where stores register their purge, so deleting a workspace reaches every store of the process. */
@Injectable()
export class WorkspacePurgeRegistry {
  private readonly purgers: WorkspacePurger[] = [];

  register(purger: WorkspacePurger): void {
    this.purgers.push(purger);
  }

  list(): readonly WorkspacePurger[] {
    return this.purgers;
  }
}
