import type { ClickHouseStore } from './clickhouse.store';

/**
 * Deletes every row of a workspace from each table of the database that has a `workspace_id`
 * column (tables added later are covered too), waiting for each mutation to finish.
 */
export async function purgeWorkspaceRows(store: ClickHouseStore, workspaceId: string): Promise<Record<string, number>> {
  const tables = await store.query<{ table: string }>(
    `SELECT c.table AS table FROM system.columns c
       JOIN system.tables t ON t.database = c.database AND t.name = c.table
      WHERE c.database = {database:String} AND c.name = 'workspace_id' AND t.engine LIKE '%MergeTree'
      ORDER BY c.table`,
    { database: store.database },
  );
  const counts: Record<string, number> = {};
  for (const { table } of tables) {
    const qualified = `\`${store.database}\`.\`${table.replace(/`/g, '')}\``;
    const [row] = await store.query<{ n: number }>(`SELECT count() AS n FROM ${qualified} WHERE toString(workspace_id) = {ws:String}`, { ws: workspaceId });
    if (!row || row.n === 0) continue;
    await store.command(`ALTER TABLE ${qualified} DELETE WHERE toString(workspace_id) = {ws:String} SETTINGS mutations_sync = 2`, { ws: workspaceId });
    counts[table] = row.n;
  }
  return counts;
}
